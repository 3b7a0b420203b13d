/* store_cache.c - what incremental scans reuse: finding an earlier
 * analysis of a file with the same content and settings, the files it
 * included, and carrying its results into a new run. */
#include "store.h"
#include "store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int load_deps(store *s, int64_t file_id, store_dep **deps, size_t *n)
{
    sqlite3_stmt *q = NULL;
    size_t cap = 0;
    int rc = store_prepare(s, "SELECT path, hash FROM file_deps WHERE file_id = ?1", &q);
    if (rc == 0)
        sqlite3_bind_int64(q, 1, file_id);
    while (rc == 0 && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        store_dep d;
        d.path = store_col_str(q, 0);
        const char *h = (const char *)sqlite3_column_text(q, 1);
        snprintf(d.hash, sizeof d.hash, "%s", h ? h : "");
        ARRAY_PUSH(*deps, *n, cap, d);
        rc = 0;
    }
    rc = rc == SQLITE_DONE || rc == 0 ? 0 : store_db_fail(s, "load included files");
    sqlite3_finalize(q);
    return rc;
}

int store_find_cached(store *s, const char *path, const char *content_hash,
                      const char *cache_key, int64_t *file_id,
                      store_dep **deps, size_t *ndeps)
{
    *file_id = 0;
    *deps = NULL;
    *ndeps = 0;
    sqlite3_stmt *q = NULL;
    int rc = store_prepare(s, "SELECT max(f.id) FROM files f JOIN runs r ON "
                              "r.id = f.run_id WHERE f.path = ?1 AND "
                              "f.content_hash = ?2 AND f.cache_key = ?3 AND "
                              "r.ended_at IS NOT NULL", &q);
    if (rc)
        return rc;
    store_bind_text(q, 1, path);
    store_bind_text(q, 2, content_hash);
    store_bind_text(q, 3, cache_key);
    if (sqlite3_step(q) == SQLITE_ROW)
        *file_id = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return *file_id ? load_deps(s, *file_id, deps, ndeps) : 0;
}

void store_deps_free(store_dep *deps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(deps[i].path);
    free(deps);
}

/* Run sql with its parameters ?1, ?2, ... bound to the n ids. */
static int exec_ids(store *s, const char *sql, int n, const int64_t *ids)
{
    sqlite3_stmt *q = NULL;
    int rc = store_prepare(s, sql, &q);
    for (int i = 0; rc == 0 && i < n; i++)
        sqlite3_bind_int64(q, i + 1, ids[i]);
    if (rc == 0)
        rc = store_step_done(s, q, "carry over");
    sqlite3_finalize(q);
    return rc;
}

#define EXEC_IDS(s, sql, ...) \
    exec_ids((s), (sql), (int)(sizeof((int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t)), \
             (int64_t[]){ __VA_ARGS__ })

/* Copy each finding of old_file with its steps. */
static int copy_findings(store *s, int64_t old_file, int64_t new_file,
                         int64_t run)
{
    sqlite3_stmt *q = NULL;
    int rc = store_prepare(s, "SELECT id FROM findings WHERE file_id = ?1 ORDER BY id", &q);
    if (rc == 0)
        sqlite3_bind_int64(q, 1, old_file);
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        int64_t fid = sqlite3_column_int64(q, 0);
        rc = EXEC_IDS(s, "INSERT INTO findings(run_id, file_id, file, line, col, "
                      "function, rule, severity, message, fingerprint, suppressed) "
                      "SELECT ?1, ?2, file, line, col, function, rule, severity, "
                      "message, fingerprint, suppressed FROM findings WHERE id = ?3",
                   run, new_file, fid);
        int64_t nid = sqlite3_last_insert_rowid(s->db);
        if (rc == 0)
            rc = EXEC_IDS(s, "INSERT INTO trace_steps(finding_id, step_index, file, "
                          "line, col, message) SELECT ?1, step_index, file, line, "
                          "col, message FROM trace_steps WHERE finding_id = ?2",
                          nid, fid);
    }
    sqlite3_finalize(q);
    return rc;
}

static int copy_file(store *s, int64_t file_id, int64_t run, int64_t *new_file)
{
    int rc = EXEC_IDS(s, "INSERT INTO files(run_id, path, content_hash, cache_key) "
                      "SELECT ?1, path, content_hash, cache_key FROM files "
                      "WHERE id = ?2", run, file_id);
    *new_file = sqlite3_last_insert_rowid(s->db);
    if (rc == 0)
        rc = EXEC_IDS(s, "INSERT INTO file_deps(file_id, path, hash) SELECT ?1, "
                      "path, hash FROM file_deps WHERE file_id = ?2",
                   *new_file, file_id);
    if (rc == 0)
        rc = copy_findings(s, file_id, *new_file, run);
    if (rc == 0)
        rc = EXEC_IDS(s, "INSERT INTO analysis_notes(run_id, file_id, file, line, "
                      "function, kind, message) SELECT ?1, ?2, file, line, "
                      "function, kind, message FROM analysis_notes WHERE file_id = ?3",
                   run, *new_file, file_id);
    return rc;
}

static int load_file_findings(store *s, int64_t file_id, finding_list *out)
{
    return store_load_findings_by(s, true, file_id, out);
}

int store_carry_over(store *s, int64_t file_id, int64_t run_id,
                     finding_list *out)
{
    int64_t new_file = 0;
    int rc = store_exec(s, "BEGIN IMMEDIATE");
    if (rc)
        return rc;
    rc = copy_file(s, file_id, run_id, &new_file);
    rc = rc ? rc : store_exec(s, "COMMIT");
    if (rc) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return load_file_findings(s, new_file, out);
}

/* ---- merging shard databases ---- */

static int load_notes(store *s, int64_t file_id, finding_list *out)
{
    sqlite3_stmt *q = NULL;
    int rc = store_prepare(s, "SELECT file, line, function, kind, message FROM "
                              "analysis_notes WHERE file_id = ?1 ORDER BY id", &q);
    if (rc == 0)
        sqlite3_bind_int64(q, 1, file_id);
    while (rc == 0 && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        finding n = { 0 };
        n.file = store_col_str(q, 0);
        n.line = (unsigned)sqlite3_column_int64(q, 1);
        n.function = store_col_str(q, 2);
        n.rule = store_col_str(q, 3);
        n.message = store_col_str(q, 4);
        n.severity = xstrdup("note");
        finding_list_push(out, &n);
        rc = 0;
    }
    rc = rc == SQLITE_DONE || rc == 0 ? 0 : store_db_fail(s, "load notes");
    sqlite3_finalize(q);
    return rc;
}

/* Copy one file of in (its row: id, path, content_hash, cache_key) into
 * out's run. */
static int merge_file(store *out, int64_t run, store *in, sqlite3_stmt *fq)
{
    int64_t id = sqlite3_column_int64(fq, 0);
    char *path = store_col_str(fq, 1), *hash = store_col_str(fq, 2);
    char *key = store_col_str(fq, 3);
    finding_list fl = { 0 }, notes = { 0 };
    store_dep *deps = NULL;
    size_t ndeps = 0;
    int rc = load_file_findings(in, id, &fl);
    if (rc == 0)
        rc = load_notes(in, id, &notes);
    if (rc == 0)
        rc = load_deps(in, id, &deps, &ndeps);
    file_record rec = { path, hash, key, deps, ndeps };
    if (rc == 0)
        rc = store_add_file_record(out, run, &rec, &fl, &notes);
    finding_list_free(&fl);
    finding_list_free(&notes);
    store_deps_free(deps, ndeps);
    free(path);
    free(hash);
    free(key);
    return rc;
}

int store_merge_run(store *out, int64_t run, store *in, size_t *files)
{
    int64_t src = 0;
    if (store_latest_run(in, &src) != 0 || !src)
        return -1;
    sqlite3_stmt *fq = NULL;
    int rc = store_prepare(in, "SELECT id, path, content_hash, cache_key FROM "
                               "files WHERE run_id = ?1 ORDER BY id", &fq);
    if (rc == 0)
        sqlite3_bind_int64(fq, 1, src);
    while (rc == 0 && sqlite3_step(fq) == SQLITE_ROW) {
        rc = merge_file(out, run, in, fq);
        (*files)++;
    }
    sqlite3_finalize(fq);
    return rc;
}
