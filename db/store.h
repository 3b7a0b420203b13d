/* store.h - the SQLite database of runs, files, findings and their traces.
 *
 * The schema lives in db/schema.sql and is compiled into the binary; opening
 * a database creates it or migrates it to the current schema_version.  Each
 * translation unit's findings are written in one transaction; the database
 * runs in WAL mode with a busy timeout so an interrupted scan never loses an
 * earlier run.
 *
 * Ownership: a store is created by store_open/store_open_readonly and
 * released by store_close.  Error messages are written into the caller's
 * err buffer. */
#ifndef PYREFCHECK_STORE_H
#define PYREFCHECK_STORE_H

#include <stdint.h>
#include <stdio.h>

#include "../analyzer/finding.h"

typedef struct store store;

enum { STORE_SCHEMA_VERSION = 5 };

typedef enum { QUERY_TABLE, QUERY_CSV, QUERY_JSON } query_format;

/* Open (creating parent directory, file and schema as needed) for writing. */
int store_open(const char *path, store **out, char *err, size_t errlen);
/* Open an existing database read-only; a query through it cannot write. */
int store_open_readonly(const char *path, store **out, char *err,
                        size_t errlen);
void store_close(store *s);

int store_schema_version(store *s);
/* The message of the last failed call on s ("" when none); owned by s. */
const char *store_errmsg(const store *s);

/* A run: started before the first file, ended after the last one.
 * status: 0 finished, 1 findings, 2 error (the exit code of the scan). */
int store_begin_run(store *s, const char *tool_version, const char *args,
                    const char *root, int64_t *run_id);
int store_end_run(store *s, int64_t run_id, int status);

/* Record one analysed file, its findings and its analysis notes (may be
 * NULL; each note's rule is its kind, e.g. "analysis-incomplete") in a
 * single transaction. */
int store_add_file(store *s, int64_t run_id, const char *path,
                   const char *content_hash, const finding_list *findings,
                   const finding_list *notes);

/* ---- incremental scans (store_cache.c) ---- */

typedef struct store_dep {
    char *path;
    char hash[17];
} store_dep;

typedef struct file_record {
    const char *path;
    const char *content_hash;
    const char *cache_key;      /* settings the file was analysed with */
    const store_dep *deps;      /* files it included */
    size_t ndeps;
} file_record;

/* store_add_file with the cache key and included files recorded. */
int store_add_file_record(store *s, int64_t run_id, const file_record *rec,
                          const finding_list *findings,
                          const finding_list *notes);
/* The latest earlier analysis of path with this content hash and cache
 * key: *file_id (0 when there is none) and its included files (*deps,
 * release with store_deps_free). */
int store_find_cached(store *s, const char *path, const char *content_hash,
                      const char *cache_key, int64_t *file_id,
                      store_dep **deps, size_t *ndeps);
void store_deps_free(store_dep *deps, size_t n);
/* Carry an earlier analysis (file_id) into run_id in one transaction: the
 * file, its findings with their steps, its notes and included files; the
 * copied findings are appended to out. */
int store_carry_over(store *s, int64_t file_id, int64_t run_id,
                     finding_list *out);

/* Copy the latest run of in (files, findings with steps, notes, included
 * files) into run of out; *files counts the files copied. */
int store_merge_run(store *out, int64_t run, store *in, size_t *files);

/* Latest finished run id (0 when the database holds none). */
int store_latest_run(store *s, int64_t *run_id);
/* How many runs after run_id never finished (interrupted or running). */
int store_unfinished_after(store *s, int64_t run_id, int64_t *count);
/* Load the findings of a run, with their trace steps, sorted. */
int store_load_findings(store *s, int64_t run_id, finding_list *out);

/* The baseline of known findings: save the unsuppressed findings of fl
 * (replacing the previous baseline), or load it (fingerprint, rule, file
 * and message of each entry). */
int store_baseline_save(store *s, const finding_list *fl);
int store_baseline_load(store *s, finding_list *out);

/* Run one SQL statement and print its rows to out. Returns 0 on success,
 * nonzero with err set when SQLite refuses it. */
int store_query(store *s, const char *sql, query_format fmt, FILE *out,
                char *err, size_t errlen);

#endif
