/* store.c - the SQLite store: opening and migrating the database, writing
 * runs, files and findings, loading findings back, and the table/CSV/JSON
 * printers behind `pyrefcheck query`.
 *
 * All SQL with user data goes through prepared statements with bound
 * parameters.  Errors are returned as -1 with a message in the caller's
 * buffer (open, query) or in the store (store_errmsg). */
#include "store.h"
#include "store_impl.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

extern const char store_schema_sql[]; /* db/schema.sql, built by make */


/* Migrations, applied in order to bring a database to its version. */
typedef struct migration {
    int version;
    const char *sql;
} migration;

/* Version 2: notes about the analysis itself (a function whose analysis
 * was cut short), kept apart from findings. */
static const char MIGRATION_2[] =
    "CREATE TABLE IF NOT EXISTS analysis_notes ("
    " id INTEGER PRIMARY KEY,"
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
    " file TEXT NOT NULL, line INTEGER NOT NULL, function TEXT,"
    " kind TEXT NOT NULL, message TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS analysis_notes_by_run ON analysis_notes(run_id);"
    "CREATE INDEX IF NOT EXISTS analysis_notes_by_file_id ON analysis_notes(file_id);";

/* Version 3: inline suppressions, the baseline of known findings, and
 * the "new since the previous run" / "fixed since the previous run"
 * views. */
static const char MIGRATION_3[] =
    "ALTER TABLE findings ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE IF NOT EXISTS baseline ("
    " fingerprint TEXT PRIMARY KEY, rule TEXT, file TEXT, message TEXT,"
    " added_at TEXT NOT NULL);"
    "CREATE VIEW IF NOT EXISTS previous_run AS"
    " SELECT max(id) AS id FROM runs WHERE id < (SELECT max(id) FROM runs);"
    "CREATE VIEW IF NOT EXISTS new_findings AS"
    " SELECT * FROM findings WHERE run_id = (SELECT max(id) FROM runs)"
    " AND fingerprint NOT IN (SELECT fingerprint FROM findings"
    "  WHERE run_id = (SELECT id FROM previous_run));"
    "CREATE VIEW IF NOT EXISTS fixed_findings AS"
    " SELECT * FROM findings WHERE run_id = (SELECT id FROM previous_run)"
    " AND fingerprint NOT IN (SELECT fingerprint FROM findings"
    "  WHERE run_id = (SELECT max(id) FROM runs));";

/* Version 4: what incremental scans need to reuse a file's results: the
 * key of the settings it was analysed with, and the files it included
 * with their content hashes. */
static const char MIGRATION_4[] =
    "ALTER TABLE files ADD COLUMN cache_key TEXT;"
    "CREATE TABLE IF NOT EXISTS file_deps ("
    " file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
    " path TEXT NOT NULL, hash TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS file_deps_by_file ON file_deps(file_id);"
    "CREATE INDEX IF NOT EXISTS files_by_cache ON files(path, content_hash, cache_key);";

/* Version 5: the views speak of finished runs only, so that a scan that
 * was interrupted (or is still going) does not stand for the latest. */
static const char MIGRATION_5[] =
    "DROP VIEW IF EXISTS latest_findings;"
    "DROP VIEW IF EXISTS new_findings;"
    "DROP VIEW IF EXISTS fixed_findings;"
    "DROP VIEW IF EXISTS previous_run;"
    "CREATE VIEW latest_run AS"
    " SELECT max(id) AS id FROM runs WHERE ended_at IS NOT NULL;"
    "CREATE VIEW previous_run AS"
    " SELECT max(id) AS id FROM runs WHERE ended_at IS NOT NULL"
    " AND id < (SELECT id FROM latest_run);"
    "CREATE VIEW latest_findings AS"
    " SELECT * FROM findings WHERE run_id = (SELECT id FROM latest_run);"
    "CREATE VIEW new_findings AS"
    " SELECT * FROM findings WHERE run_id = (SELECT id FROM latest_run)"
    " AND fingerprint NOT IN (SELECT fingerprint FROM findings"
    "  WHERE run_id = (SELECT id FROM previous_run));"
    "CREATE VIEW fixed_findings AS"
    " SELECT * FROM findings WHERE run_id = (SELECT id FROM previous_run)"
    " AND fingerprint NOT IN (SELECT fingerprint FROM findings"
    "  WHERE run_id = (SELECT id FROM latest_run));";

static const migration MIGRATIONS[] = {
    { 1, store_schema_sql },
    { 2, MIGRATION_2 },
    { 3, MIGRATION_3 },
    { 4, MIGRATION_4 },
    { 5, MIGRATION_5 },
};

#define NMIGRATIONS (sizeof MIGRATIONS / sizeof MIGRATIONS[0])

#define ISO_NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* ---- errors ---------------------------------------------------------- */

static int set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Record the connection's current error in s, prefixed by what failed. */
int store_db_fail(store *s, const char *what)
{
    s->errcode = sqlite3_errcode(s->db);
    snprintf(s->err, sizeof s->err, "%s: %s", what, sqlite3_errmsg(s->db));
    return -1;
}

const char *store_errmsg(const store *s)
{
    return s ? s->err : "no database";
}

/* ---- small statement helpers ----------------------------------------- */

int store_exec(store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    s->errcode = sqlite3_errcode(s->db);
    snprintf(s->err, sizeof s->err, "%s",
             msg ? msg : sqlite3_errstr(s->errcode));
    sqlite3_free(msg);
    return -1;
}

int store_prepare(store *s, const char *sql, sqlite3_stmt **st)
{
    *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK)
        return 0;
    return store_db_fail(s, "prepare");
}

/* Step a statement that returns no row, then reset it for reuse. */
int store_step_done(store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : store_db_fail(s, what);
    sqlite3_reset(st);
    return rc;
}

/* Run a query yielding one integer (NULL or no row: 0). */
static int query_int(store *s, const char *sql, int64_t *out)
{
    sqlite3_stmt *st;
    if (store_prepare(s, sql, &st))
        return -1;
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s, "query");
    sqlite3_finalize(st);
    return rc;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *text)
{
    sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
}

char *store_col_str(sqlite3_stmt *st, int i)
{
    return xstrdup((const char *)sqlite3_column_text(st, i));
}

static unsigned col_uint(sqlite3_stmt *st, int i)
{
    int64_t v = sqlite3_column_int64(st, i);
    return v < 0 ? 0 : v > UINT_MAX ? UINT_MAX : (unsigned)v;
}

/* ---- schema version and migrations ----------------------------------- */

static int read_version(store *s, int *version)
{
    int64_t n = 0, v = 0;
    if (query_int(s, "SELECT count(*) FROM sqlite_master WHERE type = "
                     "'table' AND name = 'schema_version'", &n))
        return -1;
    if (n && query_int(s, "SELECT max(version) FROM schema_version", &v))
        return -1;
    *version = v < 0 ? 0 : v > INT_MAX ? INT_MAX : (int)v;
    return 0;
}

int store_schema_version(store *s)
{
    int v;
    return s && read_version(s, &v) == 0 ? v : -1;
}

static int set_version(store *s, int version)
{
    sqlite3_stmt *st;
    if (store_exec(s, "DELETE FROM schema_version"))
        return -1;
    if (store_prepare(s, "INSERT INTO schema_version(version) VALUES (?1)", &st))
        return -1;
    sqlite3_bind_int(st, 1, version);
    int rc = store_step_done(s, st, "set schema version");
    sqlite3_finalize(st);
    return rc;
}

/* Apply every migration above the current version in one transaction;
 * the version is re-read under the write lock so racing opens agree. */
static int migrate(store *s)
{
    int v;
    if (store_exec(s, "BEGIN IMMEDIATE"))
        return -1;
    if (read_version(s, &v))
        goto fail;
    for (size_t i = 0; i < NMIGRATIONS; i++) {
        if (MIGRATIONS[i].version <= v)
            continue;
        if (store_exec(s, MIGRATIONS[i].sql) ||
            set_version(s, MIGRATIONS[i].version))
            goto fail;
    }
    if (store_exec(s, "COMMIT"))
        goto fail;
    return 0;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* ---- opening ----------------------------------------------------------- */

/* Create the directory holding path (one level) when it is missing. */
static int make_parent(const char *path, char *err, size_t errlen)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return 0;
    char *dir = xstrndup(path, (size_t)(slash - path));
    int rc = 0;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        rc = set_err(err, errlen, "cannot create directory %s: %s", dir,
                     strerror(errno));
    free(dir);
    return rc;
}

/* Turn the failure recorded in s into the caller's message. */
static int open_fail(store *s, const char *path, char *err, size_t errlen)
{
    if (s->errcode == SQLITE_NOTADB)
        set_err(err, errlen, "%s: not an SQLite database", path);
    else
        set_err(err, errlen, "%s: %s", path, s->err);
    store_close(s);
    return -1;
}

static int open_db(const char *path, int flags, store **out, char *err,
                   size_t errlen)
{
    store *s = xcalloc(1, sizeof *s);
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        set_err(err, errlen, "%s: cannot open database: %s", path,
                s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        store_close(s);
        return -1;
    }
    sqlite3_busy_timeout(s->db, 5000);
    *out = s;
    return 0;
}

static int check_newer(int version, const char *path, char *err,
                       size_t errlen)
{
    if (version <= STORE_SCHEMA_VERSION)
        return 0;
    return set_err(err, errlen,
                   "%s: database schema version %d is newer than this "
                   "pyrefcheck supports (%d)",
                   path, version, STORE_SCHEMA_VERSION);
}

/* Journal mode, version check and migrations on an open database; 1 when
 * another process held a lock (try again), -1 on an error, 0 when done. */
static int prepare_db(store *s, const char *path, char *err, size_t errlen)
{
    int version;
    if (store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                "PRAGMA synchronous = NORMAL;") ||
        read_version(s, &version))
        goto failed;
    if (check_newer(version, path, err, errlen))
        return -1;
    if (version < STORE_SCHEMA_VERSION && migrate(s))
        goto failed;
    return 0;
failed:
    {
        int code = sqlite3_errcode(s->db) & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            return 1;
        open_fail(s, path, err, errlen);   /* closes s */
        return -2;
    }
}

int store_open(const char *path, store **out, char *err, size_t errlen)
{
    *out = NULL;
    if (make_parent(path, err, errlen))
        return -1;
    /* a new database being set up by a concurrent scan: wait for it */
    for (int attempt = 0; attempt < 100; attempt++) {
        store *s;
        if (open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &s, err,
                    errlen))
            return -1;
        int rc = prepare_db(s, path, err, errlen);
        if (rc == 0) {
            *out = s;
            return 0;
        }
        if (rc == -2)
            return -1;   /* open_fail closed it and set err */
        store_close(s);
        if (rc < 0)
            return -1;
        usleep(100 * 1000);
    }
    return set_err(err, errlen, "%s: database is locked", path);
}

int store_open_readonly(const char *path, store **out, char *err,
                        size_t errlen)
{
    struct stat sb;
    store *s;
    int version;
    *out = NULL;
    if (stat(path, &sb) != 0)
        return set_err(err, errlen, "%s: %s", path, strerror(errno));
    if (open_db(path, SQLITE_OPEN_READONLY, &s, err, errlen))
        return -1;
    s->readonly = true;
    if (store_exec(s, "PRAGMA query_only = 1; PRAGMA foreign_keys = ON;") ||
        read_version(s, &version))
        return open_fail(s, path, err, errlen);
    if (check_newer(version, path, err, errlen) ||
        (version < STORE_SCHEMA_VERSION &&
         set_err(err, errlen, "%s: %s", path,
                 version == 0 ? "not a pyrefcheck database (no schema)"
                              : "old schema version; open it for writing "
                                "to migrate"))) {
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

void store_close(store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s);
}

/* ---- runs -------------------------------------------------------------- */

int store_begin_run(store *s, const char *tool_version, const char *args,
                    const char *root, int64_t *run_id)
{
    sqlite3_stmt *st;
    if (store_prepare(s, "INSERT INTO runs(started_at, tool_version, arguments, "
                   "root) VALUES (" ISO_NOW ", ?1, ?2, ?3)", &st))
        return -1;
    store_bind_text(st, 1, tool_version);
    store_bind_text(st, 2, args);
    store_bind_text(st, 3, root);
    int rc = store_step_done(s, st, "begin run");
    if (rc == 0)
        *run_id = sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(st);
    return rc;
}

int store_end_run(store *s, int64_t run_id, int status)
{
    sqlite3_stmt *st;
    if (store_prepare(s, "UPDATE runs SET ended_at = " ISO_NOW ", status = ?2 "
                   "WHERE id = ?1", &st))
        return -1;
    sqlite3_bind_int64(st, 1, run_id);
    sqlite3_bind_int(st, 2, status);
    int rc = store_step_done(s, st, "end run");
    if (rc == 0 && sqlite3_changes(s->db) != 1) {
        snprintf(s->err, sizeof s->err, "end run: no run %lld",
                 (long long)run_id);
        rc = -1;
    }
    sqlite3_finalize(st);
    return rc;
}

int store_latest_run(store *s, int64_t *run_id)
{
    return query_int(s, "SELECT max(id) FROM runs WHERE ended_at IS NOT NULL",
                     run_id);
}

int store_unfinished_after(store *s, int64_t run_id, int64_t *count)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM runs WHERE id > %lld "
             "AND ended_at IS NULL", (long long)run_id);
    return query_int(s, sql, count);
}

/* ---- writing a file's findings ---------------------------------------- */

enum { ST_FILE, ST_FINDING, ST_STEP, ST_NOTE, ST_DEP, ST_COUNT };

static const char *const ADD_SQL[ST_COUNT] = {
    [ST_FILE] = "INSERT INTO files(run_id, path, content_hash, cache_key)"
                " VALUES (?1, ?2, ?3, ?4)",
    [ST_DEP] = "INSERT INTO file_deps(file_id, path, hash) VALUES (?1, ?2, ?3)",
    [ST_FINDING] = "INSERT INTO findings(run_id, file_id, file, line, col,"
                   " function, rule, severity, message, fingerprint, suppressed)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_STEP] = "INSERT INTO trace_steps(finding_id, step_index, file, line,"
                " col, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_NOTE] = "INSERT INTO analysis_notes(run_id, file_id, file, line,"
                " function, kind, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};

static int insert_step(store *s, sqlite3_stmt *st, int64_t finding_id,
                       size_t index, const trace_step *t)
{
    sqlite3_bind_int64(st, 1, finding_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)index);
    store_bind_text(st, 3, t->file);
    sqlite3_bind_int64(st, 4, t->line);
    sqlite3_bind_int64(st, 5, t->col);
    store_bind_text(st, 6, t->message);
    return store_step_done(s, st, "add trace step");
}

/* A note: kind in rule, where in file/line/function, why in message. */
static int insert_note(store *s, sqlite3_stmt *q, int64_t run_id,
                       int64_t file_id, const char *path, const finding *n)
{
    sqlite3_bind_int64(q, 1, run_id);
    sqlite3_bind_int64(q, 2, file_id);
    store_bind_text(q, 3, n->file ? n->file : path);
    sqlite3_bind_int64(q, 4, n->line);
    store_bind_text(q, 5, n->function);
    store_bind_text(q, 6, n->rule);
    store_bind_text(q, 7, n->message);
    return store_step_done(s, q, "add note");
}

static int insert_finding(store *s, sqlite3_stmt **st, int64_t run_id,
                          int64_t file_id, const char *path,
                          const finding *f)
{
    sqlite3_stmt *q = st[ST_FINDING];
    sqlite3_bind_int64(q, 1, run_id);
    sqlite3_bind_int64(q, 2, file_id);
    store_bind_text(q, 3, f->file ? f->file : path);
    sqlite3_bind_int64(q, 4, f->line);
    sqlite3_bind_int64(q, 5, f->col);
    store_bind_text(q, 6, f->function);
    store_bind_text(q, 7, f->rule);
    store_bind_text(q, 8, f->severity);
    store_bind_text(q, 9, f->message);
    store_bind_text(q, 10, f->fingerprint);
    sqlite3_bind_int(q, 11, f->suppressed ? 1 : 0);
    if (store_step_done(s, q, "add finding"))
        return -1;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; i < f->nsteps; i++)
        if (insert_step(s, st[ST_STEP], id, i, &f->steps[i]))
            return -1;
    return 0;
}

static int insert_deps(store *s, sqlite3_stmt *q, int64_t file_id,
                       const file_record *rec)
{
    for (size_t i = 0; i < rec->ndeps; i++) {
        sqlite3_bind_int64(q, 1, file_id);
        store_bind_text(q, 2, rec->deps[i].path);
        store_bind_text(q, 3, rec->deps[i].hash);
        if (store_step_done(s, q, "add included file"))
            return -1;
    }
    return 0;
}

static int insert_file(store *s, sqlite3_stmt **st, int64_t run_id,
                       const file_record *rec,
                       const finding_list *findings, const finding_list *notes)
{
    const char *path = rec->path;
    sqlite3_stmt *q = st[ST_FILE];
    sqlite3_bind_int64(q, 1, run_id);
    store_bind_text(q, 2, path);
    store_bind_text(q, 3, rec->content_hash);
    store_bind_text(q, 4, rec->cache_key);
    if (store_step_done(s, q, "add file"))
        return -1;
    int64_t file_id = sqlite3_last_insert_rowid(s->db);
    if (insert_deps(s, st[ST_DEP], file_id, rec))
        return -1;
    for (size_t i = 0; findings && i < findings->len; i++)
        if (insert_finding(s, st, run_id, file_id, path,
                           &findings->items[i]))
            return -1;
    for (size_t i = 0; notes && i < notes->len; i++)
        if (insert_note(s, st[ST_NOTE], run_id, file_id, path, &notes->items[i]))
            return -1;
    return 0;
}

int store_add_file_record(store *s, int64_t run_id, const file_record *rec,
                          const finding_list *findings,
                          const finding_list *notes)
{
    sqlite3_stmt *st[ST_COUNT] = { NULL };
    int rc = 0;
    for (int i = 0; i < ST_COUNT && rc == 0; i++)
        rc = store_prepare(s, ADD_SQL[i], &st[i]);
    if (rc == 0 && (rc = store_exec(s, "BEGIN IMMEDIATE")) == 0) {
        rc = insert_file(s, st, run_id, rec, findings, notes);
        if (rc == 0)
            rc = store_exec(s, "COMMIT");
        if (rc != 0)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(st[i]);
    return rc;
}

int store_add_file(store *s, int64_t run_id, const char *path,
                   const char *content_hash, const finding_list *findings,
                   const finding_list *notes)
{
    file_record rec = { path, content_hash, NULL, NULL, 0 };
    return store_add_file_record(s, run_id, &rec, findings, notes);
}

/* ---- loading findings ------------------------------------------------- */

static int load_steps(store *s, sqlite3_stmt *st, int64_t id, finding *f)
{
    int rc;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        finding_add_step(f, (const char *)sqlite3_column_text(st, 0),
                         col_uint(st, 1), col_uint(st, 2),
                         (const char *)sqlite3_column_text(st, 3));
    rc = rc == SQLITE_DONE ? 0 : store_db_fail(s, "load trace steps");
    sqlite3_reset(st);
    return rc;
}

static void read_finding(sqlite3_stmt *st, finding *f)
{
    f->file = store_col_str(st, 1);
    f->line = col_uint(st, 2);
    f->col = col_uint(st, 3);
    f->function = store_col_str(st, 4);
    f->rule = store_col_str(st, 5);
    f->severity = store_col_str(st, 6);
    f->message = store_col_str(st, 7);
    f->fingerprint = store_col_str(st, 8);
    f->suppressed = sqlite3_column_int(st, 9) != 0;
}

int store_load_into(store *s, sqlite3_stmt *fq, sqlite3_stmt *sq,
                     finding_list *l)
{
    int rc;
    while ((rc = sqlite3_step(fq)) == SQLITE_ROW) {
        finding f = { 0 };
        read_finding(fq, &f);
        if (load_steps(s, sq, sqlite3_column_int64(fq, 0), &f)) {
            finding_clear(&f);
            return -1;
        }
        finding_list_push(l, &f);
    }
    return rc == SQLITE_DONE ? 0 : store_db_fail(s, "load findings");
}

int store_load_findings_by(store *s, bool by_file, int64_t id,
                           finding_list *out)
{
    sqlite3_stmt *fq = NULL, *sq = NULL;
    finding_list tmp = { 0 };
    int rc = store_prepare(s, by_file
        ? "SELECT id, file, line, col, function, rule, severity, message, "
          "fingerprint, suppressed FROM findings WHERE file_id = ?1 ORDER BY id"
        : "SELECT id, file, line, col, function, rule, severity, message, "
          "fingerprint, suppressed FROM findings WHERE run_id = ?1 ORDER BY id",
        &fq);
    if (rc == 0)
        rc = store_prepare(s, "SELECT file, line, col, message FROM trace_steps "
                        "WHERE finding_id = ?1 ORDER BY step_index", &sq);
    if (rc == 0) {
        sqlite3_bind_int64(fq, 1, id);
        rc = store_load_into(s, fq, sq, &tmp);
    }
    for (size_t i = 0; rc == 0 && i < tmp.len; i++)
        finding_list_push(out, &tmp.items[i]);
    if (rc == 0)
        finding_list_sort(out);
    finding_list_free(&tmp); /* moved items are zeroed */
    sqlite3_finalize(fq);
    sqlite3_finalize(sq);
    return rc;
}

int store_load_findings(store *s, int64_t run_id, finding_list *out)
{
    return store_load_findings_by(s, false, run_id, out);
}

/* ---- ad-hoc queries ---------------------------------------------------- */

/* The rows of a query, copied so they can be measured before printing. */
typedef struct result {
    int ncols;
    sqlite3_value **vals; /* row-major, nrows * ncols */
    size_t nvals, cap;
} result;

static void result_free(result *r)
{
    for (size_t i = 0; i < r->nvals; i++)
        sqlite3_value_free(r->vals[i]);
    free(r->vals);
}

/* 1 when text after the first statement holds another statement (or
 * anything SQLite cannot parse); comments, blanks and ';' are fine. */
static int has_more(sqlite3 *db, const char *tail)
{
    while (tail && *tail) {
        sqlite3_stmt *st = NULL;
        const char *next = NULL;
        int rc = sqlite3_prepare_v2(db, tail, -1, &st, &next);
        sqlite3_finalize(st);
        if (rc != SQLITE_OK || st || !next || next == tail)
            return 1;
        tail = next;
    }
    return 0;
}

static int prepare_one(store *s, const char *sql, sqlite3_stmt **out,
                       char *err, size_t errlen)
{
    const char *tail = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK)
        return set_err(err, errlen, "%s", sqlite3_errmsg(s->db));
    if (!st)
        return set_err(err, errlen, "empty SQL statement");
    if (has_more(s->db, tail)) {
        sqlite3_finalize(st);
        return set_err(err, errlen, "only one SQL statement is allowed; "
                       "extra text after it: %.60s", tail);
    }
    if (s->readonly && !sqlite3_stmt_readonly(st)) {
        /* refused before it runs: VACUUM INTO or ATTACH would create files
         * even on a read-only connection */
        sqlite3_finalize(st);
        return set_err(err, errlen, "attempt to write a readonly database: "
                       "query runs only statements that read");
    }
    *out = st;
    return 0;
}

static int fetch_rows(store *s, sqlite3_stmt *st, result *r, char *err,
                      size_t errlen)
{
    int rc;
    r->ncols = sqlite3_column_count(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < r->ncols; i++) {
            sqlite3_value *v = sqlite3_value_dup(sqlite3_column_value(st, i));
            if (!v)
                return set_err(err, errlen, "out of memory");
            ARRAY_PUSH(r->vals, r->nvals, r->cap, v);
        }
    }
    if (rc != SQLITE_DONE)
        return set_err(err, errlen, "%s", sqlite3_errmsg(s->db));
    return 0;
}

static const char *col_name(sqlite3_stmt *st, int i)
{
    const char *n = sqlite3_column_name(st, i);
    return n ? n : "";
}

static const char *cell_text(const result *r, size_t row, int col)
{
    const unsigned char *t =
        sqlite3_value_text(r->vals[row * (size_t)r->ncols + (size_t)col]);
    return t ? (const char *)t : "";
}

/* Display width: UTF-8 code points. */
static size_t text_width(const char *t)
{
    size_t w = 0;
    for (; *t; t++)
        w += ((unsigned char)*t & 0xC0) != 0x80;
    return w;
}

/* Print a table cell (line breaks and tabs as blanks) padded to width
 * plus a two-blank gutter; the last column is not padded. */
static void put_cell(FILE *out, const char *t, size_t width, int last)
{
    size_t w = text_width(t);
    for (; *t; t++)
        fputc(*t == '\n' || *t == '\r' || *t == '\t' ? ' ' : *t, out);
    for (; !last && w < width + 2; w++)
        fputc(' ', out);
}

static void print_table(FILE *out, sqlite3_stmt *st, const result *r)
{
    size_t nrows = r->nvals / (size_t)r->ncols;
    size_t *w = xcalloc((size_t)r->ncols, sizeof *w);
    for (int c = 0; c < r->ncols; c++) {
        w[c] = text_width(col_name(st, c));
        for (size_t row = 0; row < nrows; row++) {
            size_t cw = text_width(cell_text(r, row, c));
            w[c] = cw > w[c] ? cw : w[c];
        }
    }
    for (int c = 0; c < r->ncols; c++)
        put_cell(out, col_name(st, c), w[c], c == r->ncols - 1);
    fputc('\n', out);
    for (int c = 0; c < r->ncols; c++) {
        for (size_t k = 0; k < w[c]; k++)
            fputc('-', out);
        fputs(c == r->ncols - 1 ? "\n" : "  ", out);
    }
    for (size_t row = 0; row < nrows; row++) {
        for (int c = 0; c < r->ncols; c++)
            put_cell(out, cell_text(r, row, c), w[c], c == r->ncols - 1);
        fputc('\n', out);
    }
    free(w);
}

/* RFC 4180: quote a field holding a comma, quote or line break, doubling
 * its quotes; records end in CRLF. */
static void csv_field(FILE *out, const char *t)
{
    if (!strpbrk(t, ",\"\r\n")) {
        fputs(t, out);
        return;
    }
    fputc('"', out);
    for (; *t; t++) {
        if (*t == '"')
            fputc('"', out);
        fputc(*t, out);
    }
    fputc('"', out);
}

static void print_csv(FILE *out, sqlite3_stmt *st, const result *r)
{
    size_t nrows = r->nvals / (size_t)r->ncols;
    for (int c = 0; c < r->ncols; c++) {
        if (c)
            fputc(',', out);
        csv_field(out, col_name(st, c));
    }
    fputs("\r\n", out);
    for (size_t row = 0; row < nrows; row++) {
        for (int c = 0; c < r->ncols; c++) {
            if (c)
                fputc(',', out);
            csv_field(out, cell_text(r, row, c));
        }
        fputs("\r\n", out);
    }
}

/* A JSON string; text that is not valid UTF-8 gets '?' for high bytes. */
static json_t *json_text(const char *t, size_t n)
{
    json_t *j = json_stringn(t, n);
    if (j || !t)
        return j;
    char *copy = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        copy[i] = (unsigned char)t[i] >= 0x80 ? '?' : t[i];
    j = json_stringn(copy, n);
    free(copy);
    return j;
}

static json_t *json_blob(sqlite3_value *v)
{
    const unsigned char *b = sqlite3_value_blob(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    char *hex = xmalloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        snprintf(hex + 2 * i, 3, "%02x", b[i]);
    hex[2 * n] = '\0';
    json_t *j = json_string(hex);
    free(hex);
    return j;
}

static json_t *json_cell(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return json_integer(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return json_real(sqlite3_value_double(v)); /* NULL for inf */
    case SQLITE_BLOB:
        return json_blob(v);
    case SQLITE_TEXT:
        return json_text((const char *)sqlite3_value_text(v),
                         (size_t)sqlite3_value_bytes(v));
    default:
        return json_null();
    }
}

static int print_json(FILE *out, sqlite3_stmt *st, const result *r)
{
    size_t nrows = r->nvals / (size_t)r->ncols;
    json_t *rows = json_array();
    for (size_t row = 0; rows && row < nrows; row++) {
        json_t *obj = json_object();
        for (int c = 0; obj && c < r->ncols; c++) {
            json_t *j = json_cell(r->vals[row * (size_t)r->ncols + (size_t)c]);
            json_object_set_new(obj, col_name(st, c), j ? j : json_null());
        }
        json_array_append_new(rows, obj);
    }
    int rc = rows ? json_dumpf(rows, out, JSON_INDENT(2) |
                               JSON_PRESERVE_ORDER |
                               JSON_REAL_PRECISION(15)) : -1;
    fputc('\n', out);
    json_decref(rows);
    return rc;
}

static int print_result(FILE *out, sqlite3_stmt *st, const result *r,
                        query_format fmt, char *err, size_t errlen)
{
    int rc = 0;
    if (fmt == QUERY_CSV)
        print_csv(out, st, r);
    else if (fmt == QUERY_JSON)
        rc = print_json(out, st, r);
    else
        print_table(out, st, r);
    if (rc != 0 || ferror(out))
        return set_err(err, errlen, "cannot write the query output");
    return 0;
}

int store_query(store *s, const char *sql, query_format fmt, FILE *out,
                char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    result r = { 0 };
    if (err && errlen)
        err[0] = '\0';
    if (!s || !sql || !out)
        return set_err(err, errlen, "store_query: missing argument");
    int rc = prepare_one(s, sql, &st, err, errlen);
    if (rc == 0)
        rc = fetch_rows(s, st, &r, err, errlen);
    if (rc == 0 && r.ncols > 0)
        rc = print_result(out, st, &r, fmt, err, errlen);
    result_free(&r);
    sqlite3_finalize(st);
    return rc;
}

/* ---- the baseline ------------------------------------------------------ */

static int baseline_insert(store *s, sqlite3_stmt *q, const finding *f)
{
    store_bind_text(q, 1, f->fingerprint);
    store_bind_text(q, 2, f->rule);
    store_bind_text(q, 3, f->file);
    store_bind_text(q, 4, f->message);
    return store_step_done(s, q, "save baseline");
}

int store_baseline_save(store *s, const finding_list *fl)
{
    sqlite3_stmt *q = NULL;
    int rc = store_prepare(s, "INSERT OR REPLACE INTO baseline(fingerprint, rule,"
                        " file, message, added_at) VALUES (?1, ?2, ?3, ?4, "
                        ISO_NOW ")", &q);
    if (rc == 0 && (rc = store_exec(s, "BEGIN IMMEDIATE")) == 0) {
        rc = store_exec(s, "DELETE FROM baseline");
        for (size_t i = 0; rc == 0 && i < fl->len; i++)
            if (!fl->items[i].suppressed && fl->items[i].fingerprint)
                rc = baseline_insert(s, q, &fl->items[i]);
        if (rc == 0)
            rc = store_exec(s, "COMMIT");
        if (rc != 0)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_finalize(q);
    return rc;
}

int store_baseline_load(store *s, finding_list *out)
{
    sqlite3_stmt *q = NULL;
    int rc = store_prepare(s, "SELECT fingerprint, rule, file, message FROM baseline"
                        " ORDER BY file, rule, fingerprint", &q);
    while (rc == 0 && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        finding f = { 0 };
        f.fingerprint = store_col_str(q, 0);
        f.rule = store_col_str(q, 1);
        f.file = store_col_str(q, 2);
        f.message = store_col_str(q, 3);
        finding_list_push(out, &f);
        rc = 0;
    }
    rc = rc == SQLITE_DONE || rc == 0 ? 0 : store_db_fail(s, "load baseline");
    sqlite3_finalize(q);
    return rc;
}
