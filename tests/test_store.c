/* test_store.c - unit tests of db/store.c: schema creation and migration,
 * round trips of runs and findings, the query printers and the read-only
 * and bad-file refusals.  Each test works in its own mkdtemp directory. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "finding.h"
#include "store.h"
#include "util.h"

typedef struct fixture {
    char dir[64];
    char *db; /* dir/pyrefcheck.db */
} fixture;

/* ---- helpers ----------------------------------------------------------- */

static void rm_tree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return;
    if (S_ISDIR(sb.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *sub = xasprintf("%s/%s", path, e->d_name);
            rm_tree(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int setup(void **state)
{
    fixture *fx = xcalloc(1, sizeof *fx);
    strcpy(fx->dir, "/tmp/pyrefcheck-store-XXXXXX");
    if (!mkdtemp(fx->dir)) {
        free(fx);
        return -1;
    }
    fx->db = xasprintf("%s/pyrefcheck.db", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    rm_tree(fx->dir);
    free(fx->db);
    free(fx);
    return 0;
}

static store *open_ok(const char *path)
{
    char err[512] = "";
    store *s = NULL;
    int rc = store_open(path, &s, err, sizeof err);
    if (rc != 0)
        print_error("store_open: %s\n", err);
    assert_int_equal(rc, 0);
    assert_non_null(s);
    return s;
}

static store *open_ro_ok(const char *path)
{
    char err[512] = "";
    store *s = NULL;
    int rc = store_open_readonly(path, &s, err, sizeof err);
    if (rc != 0)
        print_error("store_open_readonly: %s\n", err);
    assert_int_equal(rc, 0);
    assert_non_null(s);
    return s;
}

/* One integer from a query run on its own connection (NULL: -1). */
static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Run a query, capture what it prints; *text is malloc'd. */
static int capture(store *s, const char *sql, query_format fmt, char **text,
                   char *err, size_t errlen)
{
    size_t len = 0;
    FILE *out = open_memstream(text, &len);
    assert_non_null(out);
    int rc = store_query(s, sql, fmt, out, err, errlen);
    fclose(out);
    return rc;
}

static void assert_query_output(store *s, const char *sql, query_format fmt,
                                const char *expected)
{
    char err[256] = "", *text = NULL;
    int rc = capture(s, sql, fmt, &text, err, sizeof err);
    if (rc != 0)
        print_error("query \"%s\": %s\n", sql, err);
    assert_int_equal(rc, 0);
    assert_string_equal(err, "");
    assert_string_equal(text, expected);
    free(text);
}

static void assert_query_fails(store *s, const char *sql, const char *needle)
{
    char err[256] = "", *text = NULL;
    assert_int_not_equal(capture(s, sql, QUERY_TABLE, &text, err, sizeof err),
                         0);
    if (!strstr(err, needle))
        print_error("error \"%s\" lacks \"%s\"\n", err, needle);
    assert_non_null(strstr(err, needle));
    free(text);
}

static finding make(const char *file, unsigned line, unsigned col,
                    const char *function, const char *rule,
                    const char *message, const char *fp)
{
    finding f = { 0 };
    f.file = xstrdup(file);
    f.line = line;
    f.col = col;
    f.function = xstrdup(function);
    f.rule = xstrdup(rule);
    f.severity = xstrdup(strcmp(rule, "ref-leak") == 0 ? "error" : "warning");
    f.message = xstrdup(message);
    f.fingerprint = xstrdup(fp);
    return f;
}

/* Findings of a.c (deliberately out of order) and b.c. */
static void findings_a(finding_list *l)
{
    finding f = make("src/a.c", 40, 9, "mod_get", "ref-leak",
                     "leaks \"obj\", twice", "00112233445566aa");
    finding_add_step(&f, "src/a.c", 31, 5, "new reference from PyLong_FromLong");
    finding_add_step(&f, "src/a.c", 35, 9, "taking the error branch");
    finding_add_step(&f, "include/a.h", 12, 3, "returned without DECREF");
    finding_list_push(l, &f);
    f = make("src/a.c", 12, 1, NULL, "null-deref", "may be NULL",
             "ffeeddccbbaa9988");
    finding_list_push(l, &f);
}

static void findings_b(finding_list *l)
{
    finding f = make("src/b.c", 7, 2, "b_init", "ref-leak", "leak in init",
                     "0123456789abcdef");
    finding_add_step(&f, "src/b.c", 5, 4, "new reference");
    finding_list_push(l, &f);
}

static int64_t store_run(store *s, void (*fill)(finding_list *),
                         const char *path)
{
    int64_t run = 0;
    finding_list l = { 0 };
    assert_int_equal(store_begin_run(s, "0.1", "scan .", "/src", &run), 0);
    assert_true(run > 0);
    fill(&l);
    assert_int_equal(store_add_file(s, run, path, "abcdefabcdef0123", &l, NULL), 0);
    finding_list_free(&l);
    assert_int_equal(store_end_run(s, run, 1), 0);
    return run;
}

static void assert_str_or_null(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_finding_equal(const finding *a, const finding *b)
{
    assert_str_or_null(a->rule, b->rule);
    assert_str_or_null(a->severity, b->severity);
    assert_str_or_null(a->file, b->file);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->col, b->col);
    assert_str_or_null(a->function, b->function);
    assert_str_or_null(a->message, b->message);
    assert_str_or_null(a->fingerprint, b->fingerprint);
    assert_int_equal(a->nsteps, b->nsteps);
    for (size_t i = 0; i < a->nsteps; i++) {
        assert_str_or_null(a->steps[i].file, b->steps[i].file);
        assert_int_equal(a->steps[i].line, b->steps[i].line);
        assert_int_equal(a->steps[i].col, b->steps[i].col);
        assert_str_or_null(a->steps[i].message, b->steps[i].message);
    }
}

/* ---- tests ------------------------------------------------------------- */

static void test_open_creates_schema(void **state)
{
    fixture *fx = *state;
    char *path = xasprintf("%s/sub/x.db", fx->dir); /* parent is created */
    store *s = open_ok(path);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    assert_query_output(s,
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "ORDER BY name", QUERY_CSV,
        "name\r\nanalysis_notes\r\nbaseline\r\nfile_deps\r\nfiles\r\nfindings\r\n"
        "fixed_findings\r\nlatest_findings\r\nlatest_run\r\nnew_findings\r\n"
        "previous_run\r\nruns\r\n"
        "schema_version\r\ntrace_steps\r\n");
    assert_query_output(s, "PRAGMA journal_mode", QUERY_CSV,
                        "journal_mode\r\nwal\r\n");
    assert_query_output(s, "PRAGMA foreign_keys", QUERY_CSV,
                        "foreign_keys\r\n1\r\n");
    assert_true(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE "
                              "type = 'index' AND name LIKE 'findings_by_%'")
                == 5);
    store_close(s);
    s = open_ok(path); /* reopening does not re-apply the migration */
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    assert_int_equal(raw_int(path, "SELECT count(*) FROM schema_version"), 1);
    free(path);
}

static void test_roundtrip(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    int64_t run = 0;
    finding_list a = { 0 }, b = { 0 }, expect = { 0 }, got = { 0 };
    findings_a(&a);
    findings_b(&b);
    assert_int_equal(store_begin_run(s, "0.1", "scan .", "/src", &run), 0);
    assert_int_equal(store_add_file(s, run, "src/b.c", "1111", &b, NULL), 0);
    assert_int_equal(store_add_file(s, run, "src/a.c", "2222", &a, NULL), 0);
    assert_int_equal(store_end_run(s, run, 1), 0);
    finding_list_free(&a);
    finding_list_free(&b);

    findings_a(&expect);
    findings_b(&expect);
    finding_list_sort(&expect);
    assert_int_equal(store_load_findings(s, run, &got), 0);
    assert_int_equal(got.len, 3);
    for (size_t i = 0; i < got.len; i++)
        assert_finding_equal(&got.items[i], &expect.items[i]);
    assert_int_equal(got.items[0].line, 12); /* sorted, not insertion order */
    finding_list_free(&expect);
    finding_list_free(&got);
    store_close(s);

    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs WHERE "
        "started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
        "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND ended_at >= started_at "
        "AND status = 1 AND tool_version = '0.1' AND root = '/src'"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM files WHERE "
        "path = 'src/a.c' AND content_hash = '2222'"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM trace_steps"), 4);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings f JOIN "
        "files d ON d.id = f.file_id WHERE d.path = f.file"), 3);
}

static void test_latest_run_keeps_history(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    int64_t latest = -1;
    assert_int_equal(store_latest_run(s, &latest), 0);
    assert_int_equal(latest, 0);
    int64_t r1 = store_run(s, findings_a, "src/a.c");
    int64_t r2 = store_run(s, findings_b, "src/b.c");
    assert_true(r2 > r1);
    assert_int_equal(store_latest_run(s, &latest), 0);
    assert_int_equal(latest, r2);
    store_close(s);

    s = open_ro_ok(fx->db); /* earlier run kept, visible read-only too */
    finding_list l = { 0 };
    assert_int_equal(store_load_findings(s, r1, &l), 0);
    assert_int_equal(l.len, 2);
    assert_string_equal(l.items[1].rule, "ref-leak");
    assert_int_equal(l.items[1].nsteps, 3);
    assert_string_equal(l.items[1].steps[2].file, "include/a.h");
    finding_list_free(&l);
    assert_int_equal(store_latest_run(s, &latest), 0);
    assert_int_equal(latest, r2);
    assert_query_output(s, "SELECT run_id, file FROM latest_findings",
                        QUERY_CSV, "run_id,file\r\n2,src/b.c\r\n");
    store_close(s);
}

static void test_query_table(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    assert_query_output(s,
        "SELECT 1 AS n, 'ab' AS name, NULL AS note "
        "UNION ALL SELECT 22, 'c', 'x'", QUERY_TABLE,
        "n   name  note\n"
        "--  ----  ----\n"
        "1   ab    \n"
        "22  c     x\n");
    store_run(s, findings_b, "src/b.c");
    assert_query_output(s, "SELECT rule, line, message FROM findings",
                        QUERY_TABLE,
                        "rule      line  message\n"
                        "--------  ----  ------------\n"
                        "ref-leak  7     leak in init\n");
    assert_query_output(s, "SELECT rule FROM findings WHERE 0", QUERY_TABLE,
                        "rule\n----\n");
    store_close(s);
}

static void test_query_csv(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    store_run(s, findings_a, "src/a.c");
    assert_query_output(s,
        "SELECT rule, message, function FROM findings ORDER BY line",
        QUERY_CSV,
        "rule,message,function\r\n"
        "null-deref,may be NULL,\r\n"
        "ref-leak,\"leaks \"\"obj\"\", twice\",mod_get\r\n");
    assert_query_output(s, "SELECT 'a' || char(10) || 'b' AS \"x,y\", 2.5",
                        QUERY_CSV, "\"x,y\",2.5\r\n\"a\nb\",2.5\r\n");
    store_close(s);
}

static void test_query_json(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    char err[256] = "", *text = NULL;
    assert_int_equal(capture(s, "SELECT 7 AS i, 2.5 AS r, "
                                "'he said \"hi\"' || char(10) AS t, NULL AS z "
                                "UNION ALL SELECT -1, 0.0, 'caf\xc3\xa9', 3",
                             QUERY_JSON, &text, err, sizeof err), 0);
    json_error_t jerr;
    json_t *rows = json_loads(text, 0, &jerr);
    free(text);
    assert_non_null(rows);
    assert_true(json_is_array(rows));
    assert_int_equal(json_array_size(rows), 2);
    json_t *row = json_array_get(rows, 0);
    assert_true(json_is_integer(json_object_get(row, "i")));
    assert_int_equal(json_integer_value(json_object_get(row, "i")), 7);
    assert_true(json_is_real(json_object_get(row, "r")));
    assert_true(json_real_value(json_object_get(row, "r")) == 2.5);
    assert_string_equal(json_string_value(json_object_get(row, "t")),
                        "he said \"hi\"\n");
    assert_true(json_is_null(json_object_get(row, "z")));
    row = json_array_get(rows, 1);
    assert_string_equal(json_string_value(json_object_get(row, "t")),
                        "caf\xc3\xa9");
    assert_int_equal(json_integer_value(json_object_get(row, "z")), 3);
    json_decref(rows);
    assert_query_output(s, "SELECT * FROM runs", QUERY_JSON, "[]\n");
    store_close(s);
}

static void test_query_one_statement(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    store_run(s, findings_b, "src/b.c");
    assert_query_fails(s, "SELECT 1; DELETE FROM runs", "one SQL statement");
    assert_query_fails(s, "SELECT 1; SELECT 2", "one SQL statement");
    assert_query_fails(s, "SELEC 1", "syntax error");
    assert_query_fails(s, "  -- nothing\n", "empty");
    assert_query_fails(s, "SELECT nosuch FROM runs", "no such column");
    assert_query_output(s, "SELECT count(*) AS n FROM runs; -- done\n",
                        QUERY_CSV, "n\r\n1\r\n");
    store_close(s);
}

static void test_readonly_refuses_writes(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    store_run(s, findings_a, "src/a.c");
    store_close(s);

    s = open_ro_ok(fx->db);
    assert_query_fails(s, "DELETE FROM findings", "readonly");
    assert_query_fails(s, "DROP TABLE runs", "readonly");
    assert_query_fails(s, "INSERT INTO runs(started_at) VALUES ('x')",
                       "readonly");
    assert_query_fails(s, "UPDATE findings SET rule = 'x'", "readonly");
    assert_query_fails(s, "CREATE TABLE t(x)", "readonly");
    int64_t run = 0;
    assert_int_not_equal(store_begin_run(s, "0.1", "", "/", &run), 0);
    assert_query_output(s, "SELECT count(*) AS n FROM findings", QUERY_CSV,
                        "n\r\n2\r\n");
    store_close(s);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 2);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM runs"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM sqlite_master "
                                     "WHERE name = 't'"), 0);
}

static void test_readonly_missing_file(void **state)
{
    fixture *fx = *state;
    char err[512] = "";
    store *s = (store *)fx; /* must be reset to NULL */
    assert_int_not_equal(store_open_readonly(fx->db, &s, err, sizeof err), 0);
    assert_null(s);
    assert_non_null(strstr(err, "pyrefcheck.db"));
    assert_non_null(strstr(err, "No such file"));
    struct stat sb;
    assert_int_not_equal(stat(fx->db, &sb), 0); /* nothing created */
}

static void test_newer_version_refused(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    store_close(s);
    raw_exec(fx->db, "UPDATE schema_version SET version = 99");
    char err[512] = "";
    s = NULL;
    assert_int_not_equal(store_open(fx->db, &s, err, sizeof err), 0);
    assert_null(s);
    assert_non_null(strstr(err, "database schema version 99 is newer than "
                                "this pyrefcheck supports (5)"));
    err[0] = '\0';
    assert_int_not_equal(store_open_readonly(fx->db, &s, err, sizeof err), 0);
    assert_null(s);
    assert_non_null(strstr(err, "version 99 is newer"));
    assert_int_equal(raw_int(fx->db, "SELECT version FROM schema_version"),
                     99);
}

static void test_not_a_database(void **state)
{
    fixture *fx = *state;
    const char *garbage = "this is not a database, just some text\n"
                          "with a second line, and nothing more\n";
    write_file(fx->db, garbage);
    char err[512] = "";
    store *s = NULL;
    assert_int_not_equal(store_open(fx->db, &s, err, sizeof err), 0);
    assert_null(s);
    assert_non_null(strstr(err, "not an SQLite database"));
    err[0] = '\0';
    assert_int_not_equal(store_open_readonly(fx->db, &s, err, sizeof err), 0);
    assert_null(s);
    assert_non_null(strstr(err, "not an SQLite database"));
    size_t len = 0;
    char *after = read_file(fx->db, &len);
    assert_non_null(after);
    assert_string_equal(after, garbage); /* left untouched */
    free(after);
}

static void test_migrate_empty_file(void **state)
{
    fixture *fx = *state;
    write_file(fx->db, ""); /* version 0: an empty SQLite file */
    char err[512] = "";
    store *s = NULL;
    assert_int_not_equal(store_open_readonly(fx->db, &s, err, sizeof err), 0);
    assert_non_null(strstr(err, "not a pyrefcheck database"));
    s = open_ok(fx->db);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_run(s, findings_b, "src/b.c");
    store_close(s);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 1);

    char *old = xasprintf("%s/old.db", fx->dir); /* version 0 recorded */
    raw_exec(old, "CREATE TABLE schema_version (version INTEGER NOT NULL);"
                  "INSERT INTO schema_version VALUES (0);");
    s = open_ok(old);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    assert_int_equal(raw_int(old, "SELECT count(*) FROM schema_version"), 1);
    assert_int_equal(raw_int(old, "SELECT count(*) FROM sqlite_master "
                                  "WHERE name = 'trace_steps'"), 1);
    free(old);
}

static void test_add_file_is_atomic(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    int64_t run = store_run(s, findings_b, "src/b.c");
    finding_list l = { 0 };
    findings_b(&l);
    assert_int_not_equal(store_add_file(s, run, "src/b.c", "x", &l, NULL), 0);
    assert_non_null(strstr(store_errmsg(s), "UNIQUE"));
    finding_list_free(&l);

    findings_a(&l); /* second finding invalid: rolled back with the first */
    free(l.items[1].rule);
    l.items[1].rule = NULL;
    assert_int_not_equal(store_add_file(s, run, "src/a.c", "y", &l, NULL), 0);
    assert_non_null(strstr(store_errmsg(s), "NOT NULL"));
    finding_list_free(&l);
    store_close(s);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM files"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM trace_steps"), 1);
}

static void test_cascade_and_end_run(void **state)
{
    fixture *fx = *state;
    store *s = open_ok(fx->db);
    int64_t r1 = store_run(s, findings_a, "src/a.c");
    store_run(s, findings_b, "src/b.c");
    assert_int_not_equal(store_end_run(s, 999, 0), 0);
    assert_non_null(strstr(store_errmsg(s), "no run 999"));
    char *sql = xasprintf("DELETE FROM runs WHERE id = %lld", (long long)r1);
    assert_query_output(s, sql, QUERY_TABLE, ""); /* no columns, no output */
    free(sql);
    store_close(s);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM findings"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM trace_steps"), 1);
    assert_int_equal(raw_int(fx->db, "SELECT count(*) FROM files"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_open_creates_schema),
        T(test_roundtrip),
        T(test_latest_run_keeps_history),
        T(test_query_table),
        T(test_query_csv),
        T(test_query_json),
        T(test_query_one_statement),
        T(test_readonly_refuses_writes),
        T(test_readonly_missing_file),
        T(test_newer_version_refused),
        T(test_not_a_database),
        T(test_migrate_empty_file),
        T(test_add_file_is_atomic),
        T(test_cascade_and_end_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
