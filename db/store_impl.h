/* store_impl.h - internal interface shared by the store's modules
 * (store.c: schema, runs, findings, queries; store_cache.c: what
 * incremental scans reuse).  Not for other layers. */
#ifndef PYREFCHECK_STORE_IMPL_H
#define PYREFCHECK_STORE_IMPL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store.h"

struct store {
    sqlite3 *db;
    int errcode;    /* SQLite code of the last failure */
    char err[512];  /* message of the last failure */
    bool readonly;  /* opened with store_open_readonly */
};

int store_exec(store *s, const char *sql);
int store_prepare(store *s, const char *sql, sqlite3_stmt **st);
int store_step_done(store *s, sqlite3_stmt *st, const char *what);
void store_bind_text(sqlite3_stmt *st, int i, const char *text);
char *store_col_str(sqlite3_stmt *st, int i);
int store_db_fail(store *s, const char *what);
/* Load the findings fq selects (id, file, line, col, function, rule,
 * severity, message, fingerprint, suppressed) with their steps (sq). */
int store_load_into(store *s, sqlite3_stmt *fq, sqlite3_stmt *sq,
                    finding_list *l);

/* The findings (with steps) of a file (by_file) or of a run, sorted. */
int store_load_findings_by(store *s, bool by_file, int64_t id,
                           finding_list *out);

#endif
