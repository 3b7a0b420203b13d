/* test_report.c - unit tests for report.c: exact text lines, JSON and
 * SARIF read back with jansson, format names, column conversion and I/O
 * errors.
 *
 * With PYREFCHECK_SARIF_OUT set, test_sarif_fields also writes its SARIF
 * document to that path (for tests/sarif_check.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "finding.h"
#include "report.h"
#include "util.h"

/* Quotes, a backslash, a newline and non-ASCII UTF-8. */
#define MSG "returned \"obj\" from C:\\tmp\nstill owned: caf\xc3\xa9 \xe2\x9c\x93"
#define MSG_ONE_LINE \
    "returned \"obj\" from C:\\tmp still owned: caf\xc3\xa9 \xe2\x9c\x93"
#define MOD "src/dir with space/m\xc3\xb3" "dulo.c"
#define MOD_URI "src/dir%20with%20space/m%C3%B3dulo.c"
#define OTHER "src/other.c"

static void add(finding_list *l, const char *rule, const char *severity,
                const char *file, unsigned line, unsigned col,
                const char *function, const char *message, const char *fp)
{
    finding f = { 0 };
    f.rule = xstrdup(rule);
    f.severity = xstrdup(severity);
    f.file = xstrdup(file);
    f.line = line;
    f.col = col;
    f.function = xstrdup(function);
    f.message = xstrdup(message);
    f.fingerprint = xstrdup(fp);
    finding_list_push(l, &f);
}

/* Three findings, two rules; paths prefixed by prefix. */
static void sample(finding_list *l, const char *prefix)
{
    char *mod = xasprintf("%s%s", prefix, MOD);
    char *other = xasprintf("%s%s", prefix, OTHER);
    add(l, "ref-leak", "error", mod, 12, 5, "mod_get", MSG,
        "0123456789abcdef");
    finding_add_step(&l->items[0], mod, 10, 9, "new reference from PyList_New");
    finding_add_step(&l->items[0], mod, 12, 5, "returned without Py_DECREF");
    add(l, "null-deref", "warning", other, 3, 1, NULL, "x may be NULL",
        "fedcba9876543210");
    add(l, "ref-leak", "note", other, 7, 2, "f", "leak in f",
        "00000000000000ff");
    finding_add_step(&l->items[2], other, 5, 3, "new reference");
    free(mod);
    free(other);
}

static char *render(report_format fmt, const finding_list *l,
                    const report_info *info)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    assert_int_equal(report_write(m, fmt, l, info), 0);
    assert_int_equal(fclose(m), 0);
    return buf;
}

static json_t *render_json(report_format fmt, const finding_list *l,
                           const report_info *info)
{
    char *buf = render(fmt, l, info);
    json_error_t err;
    json_t *doc = json_loads(buf, 0, &err);
    if (!doc)
        fail_msg("output is not JSON: %s\n%s", err.text, buf);
    free(buf);
    return doc;
}

/* Follow a path like "runs/0/tool/driver/name" (numbers index arrays). */
static json_t *jget(json_t *j, const char *path)
{
    char *copy = xstrdup(path), *save = NULL;
    for (char *k = strtok_r(copy, "/", &save); j && k;
         k = strtok_r(NULL, "/", &save)) {
        char *end;
        unsigned long idx = strtoul(k, &end, 10);
        j = *end ? json_object_get(j, k) : json_array_get(j, idx);
    }
    free(copy);
    return j;
}

static const char *jgets(json_t *j, const char *path)
{
    const char *s = json_string_value(jget(j, path));
    if (!s)
        fail_msg("no string at %s", path);
    return s;
}

static json_int_t jgeti(json_t *j, const char *path)
{
    json_t *v = jget(j, path);
    if (!json_is_integer(v))
        fail_msg("no integer at %s", path);
    return json_integer_value(v);
}

/* ---- format names ---------------------------------------------------------- */

static void test_format_parse(void **state)
{
    (void)state;
    report_format fmt = REPORT_TEXT;
    assert_int_equal(report_format_parse("sarif", &fmt), 0);
    assert_int_equal(fmt, REPORT_SARIF);
    assert_int_equal(report_format_parse("json", &fmt), 0);
    assert_int_equal(fmt, REPORT_JSON);
    assert_int_equal(report_format_parse("text", &fmt), 0);
    assert_int_equal(fmt, REPORT_TEXT);
    const char *bad[] = { "JSON", "Sarif", "", "txt", "sarif ", NULL };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(report_format_parse(bad[i], &fmt), -1);
    assert_int_equal(fmt, REPORT_TEXT);
}

/* ---- text ------------------------------------------------------------------- */

static void test_text_lines(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "");
    char *out = render(REPORT_TEXT, &l, &(report_info){ "0.1.0", NULL });
    assert_string_equal(out,
        MOD ":12:5: error: " MSG_ONE_LINE " [ref-leak]\n"
        MOD ":10:9: note: new reference from PyList_New\n"
        MOD ":12:5: note: returned without Py_DECREF\n"
        OTHER ":3:1: warning: x may be NULL [null-deref]\n"
        OTHER ":7:2: note: leak in f [ref-leak]\n"
        OTHER ":5:3: note: new reference\n");
    free(out);
    finding_list_free(&l);
}

static void test_text_unknown_position(void **state)
{
    (void)state;
    finding_list l = { 0 };
    add(&l, NULL, "warning", "a.c", 4, 0, NULL, "tab\there", NULL);
    add(&l, "gc-alloc", NULL, "b.c", 0, 0, NULL, "whole file", NULL);
    char *out = render(REPORT_TEXT, &l, NULL);
    assert_string_equal(out, "a.c:4: warning: tab here\n"
                             "b.c: warning: whole file [gc-alloc]\n");
    free(out);
    finding_list_free(&l);
}

static void test_text_empty(void **state)
{
    (void)state;
    finding_list l = { 0 };
    char *out = render(REPORT_TEXT, &l, NULL);
    assert_string_equal(out, "");
    free(out);
}

/* ---- JSON ------------------------------------------------------------------- */

static void test_json_fields(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "");
    json_t *doc = render_json(REPORT_JSON, &l, &(report_info){ "0.1.0", NULL });
    assert_string_equal(jgets(doc, "tool"), "pyrefcheck");
    assert_string_equal(jgets(doc, "version"), "0.1.0");
    assert_int_equal(json_array_size(jget(doc, "findings")), 3);
    for (size_t i = 0; i < l.len; i++) {
        const finding *f = &l.items[i];
        json_t *j = json_array_get(jget(doc, "findings"), i);
        assert_string_equal(jgets(j, "rule"), f->rule);
        assert_string_equal(jgets(j, "severity"), f->severity);
        assert_string_equal(jgets(j, "file"), f->file);
        assert_int_equal(jgeti(j, "line"), f->line);
        assert_int_equal(jgeti(j, "column"), f->col);
        assert_string_equal(jgets(j, "message"), f->message);
        assert_string_equal(jgets(j, "fingerprint"), f->fingerprint);
        if (f->function)
            assert_string_equal(jgets(j, "function"), f->function);
        else
            assert_true(json_is_null(jget(j, "function")));
        assert_int_equal(json_array_size(jget(j, "trace")), f->nsteps);
        for (size_t k = 0; k < f->nsteps; k++) {
            json_t *s = json_array_get(jget(j, "trace"), k);
            assert_string_equal(jgets(s, "file"), f->steps[k].file);
            assert_int_equal(jgeti(s, "line"), f->steps[k].line);
            assert_int_equal(jgeti(s, "column"), f->steps[k].col);
            assert_string_equal(jgets(s, "message"), f->steps[k].message);
        }
    }
    assert_string_equal(jgets(doc, "findings/0/message"), MSG);
    json_decref(doc);
    finding_list_free(&l);
}

static void test_json_layout(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "");
    char *out = render(REPORT_JSON, &l, &(report_info){ "0.1.0", NULL });
    const char *head = "{\n  \"tool\": \"pyrefcheck\",\n  \"version\": \"0.1.0\",\n"
                       "  \"findings\": [\n    {\n      \"rule\": \"ref-leak\",\n";
    assert_memory_equal(out, head, strlen(head));
    size_t n = strlen(out);
    assert_true(n > 3);
    assert_string_equal(out + n - 3, "\n}\n");
    free(out);
    finding_list_free(&l);
}

static void test_json_invalid_utf8_and_no_info(void **state)
{
    (void)state;
    finding_list l = { 0 };
    add(&l, "ref-leak", "error", "latin1-\xe9.c", 1, 1, NULL,
        "bad \xff byte \xe2\x82", NULL);
    json_t *doc = render_json(REPORT_JSON, &l, NULL);
    assert_true(json_is_null(jget(doc, "version")));
    assert_string_equal(jgets(doc, "findings/0/file"), "latin1-\xef\xbf\xbd.c");
    assert_string_equal(jgets(doc, "findings/0/message"),
                        "bad \xef\xbf\xbd byte \xef\xbf\xbd\xef\xbf\xbd");
    assert_true(json_is_null(jget(doc, "findings/0/fingerprint")));
    json_decref(doc);
    finding_list_free(&l);
}

static void test_json_empty(void **state)
{
    (void)state;
    json_t *doc = render_json(REPORT_JSON, NULL, &(report_info){ "1", NULL });
    assert_true(json_is_array(jget(doc, "findings")));
    assert_int_equal(json_array_size(jget(doc, "findings")), 0);
    json_decref(doc);
}

/* ---- SARIF ------------------------------------------------------------------ */

static void save_for_validator(const char *text)
{
    const char *path = getenv("PYREFCHECK_SARIF_OUT");
    if (!path)
        return;
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

/* The rule object a result points at through ruleIndex. */
static json_t *rule_of(json_t *run, json_t *result)
{
    json_int_t idx = jgeti(result, "ruleIndex");
    json_t *rule = json_array_get(jget(run, "tool/driver/rules"), (size_t)idx);
    assert_non_null(rule);
    assert_string_equal(jgets(rule, "id"), jgets(result, "ruleId"));
    return rule;
}

static void test_sarif_fields(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "");
    char *saved = getcwd(NULL, 0), dir[] = "/tmp/test_report_XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(chdir(dir), 0);
    char *cwd = getcwd(NULL, 0);
    char *out = render(REPORT_SARIF, &l, &(report_info){ "0.1.0", "." });
    assert_int_equal(chdir(saved), 0);
    rmdir(dir);
    free(saved);
    save_for_validator(out);
    json_t *doc = json_loads(out, 0, NULL);
    free(out);
    assert_non_null(doc);
    assert_string_equal(jgets(doc, "version"), "2.1.0");
    assert_string_equal(jgets(doc, "$schema"),
                        "https://json.schemastore.org/sarif-2.1.0.json");
    json_t *run = jget(doc, "runs/0");
    assert_string_equal(jgets(run, "tool/driver/name"), "pyrefcheck");
    assert_string_equal(jgets(run, "tool/driver/version"), "0.1.0");
    assert_null(jget(run, "tool/driver/informationUri"));
    assert_string_equal(jgets(run, "columnKind"), "unicodeCodePoints");
    assert_int_equal(json_array_size(jget(run, "tool/driver/rules")), 2);

    char *root_uri = xasprintf("file://%s/", cwd);
    assert_string_equal(jgets(run, "originalUriBaseIds/SRCROOT/uri"), root_uri);
    free(root_uri);
    free(cwd);

    json_t *r0 = jget(run, "results/0");
    assert_string_equal(jgets(r0, "ruleId"), "ref-leak");
    assert_string_equal(jgets(r0, "level"), "error");
    assert_string_equal(jgets(r0, "message/text"), MSG);
    assert_string_equal(jgets(r0, "locations/0/physicalLocation/artifactLocation/uri"),
                        MOD_URI);
    assert_string_equal(jgets(r0, "locations/0/physicalLocation/artifactLocation/uriBaseId"),
                        "SRCROOT");
    assert_int_equal(jgeti(r0, "locations/0/physicalLocation/region/startLine"), 12);
    assert_int_equal(jgeti(r0, "locations/0/physicalLocation/region/startColumn"), 5);
    assert_string_equal(json_string_value(json_object_get(
                            jget(r0, "partialFingerprints"), "pyrefcheck/v1")),
                        "0123456789abcdef");
    json_t *tfl = jget(r0, "codeFlows/0/threadFlows/0/locations");
    assert_int_equal(json_array_size(tfl), 2);
    assert_string_equal(jgets(tfl, "0/location/message/text"),
                        "new reference from PyList_New");
    assert_int_equal(jgeti(tfl, "0/location/physicalLocation/region/startLine"), 10);
    assert_int_equal(jgeti(tfl, "1/location/physicalLocation/region/startColumn"), 5);
    json_t *rule = rule_of(run, r0);
    assert_string_equal(jgets(rule, "shortDescription/text"),
                        "A new reference is never released.");
    assert_string_equal(jgets(rule, "defaultConfiguration/level"), "error");

    json_t *r1 = jget(run, "results/1");
    assert_string_equal(jgets(r1, "level"), "warning");
    assert_string_equal(jgets(rule_of(run, r1), "id"), "null-deref");
    assert_int_equal(jgeti(r1, "ruleIndex"), 1);
    assert_null(jget(r1, "codeFlows"));

    json_t *r2 = jget(run, "results/2");
    assert_string_equal(jgets(r2, "level"), "note");
    assert_int_equal(jgeti(r2, "ruleIndex"), 0);
    assert_int_equal(json_array_size(jget(r2, "codeFlows/0/threadFlows/0/locations")), 1);
    json_decref(doc);
    finding_list_free(&l);
}

/* Absolute paths below a root that does not exist, one outside it. */
static void test_sarif_absolute_root(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "/nonexistent-pyrefcheck/proj/sub/../");
    add(&l, "mystery", "fatal", "/elsewhere/a b.c", 2, 0, NULL, "m", NULL);
    json_t *doc = render_json(REPORT_SARIF, &l,
        &(report_info){ "0.1.0", "/nonexistent-pyrefcheck/./proj/" });
    json_t *run = jget(doc, "runs/0");
    assert_string_equal(jgets(run, "originalUriBaseIds/SRCROOT/uri"),
                        "file:///nonexistent-pyrefcheck/proj/");
    assert_string_equal(jgets(run, "results/0/locations/0/physicalLocation/artifactLocation/uri"),
                        MOD_URI);
    json_t *out = jget(run, "results/3");
    assert_string_equal(jgets(out, "locations/0/physicalLocation/artifactLocation/uri"),
                        "file:///elsewhere/a%20b.c");
    assert_null(jget(out, "locations/0/physicalLocation/artifactLocation/uriBaseId"));
    assert_null(jget(out, "locations/0/physicalLocation/region/startColumn"));
    assert_string_equal(jgets(out, "level"), "warning");
    json_t *rule = rule_of(run, out);
    assert_int_equal(jgeti(out, "ruleIndex"), 2);
    assert_string_equal(jgets(rule, "shortDescription/text"),
                        "A reference-counting problem found by pyrefcheck.");
    json_decref(doc);
    finding_list_free(&l);
}

static void test_sarif_no_root(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "");
    add(&l, "gc-alloc", "error", "/abs/x.c", 1, 1, NULL, "m", NULL);
    add(&l, NULL, "error", "/abs/y.c", 0, 0, NULL, "no rule", NULL);
    json_t *doc = render_json(REPORT_SARIF, &l, &(report_info){ "0.1.0", NULL });
    json_t *run = jget(doc, "runs/0");
    json_t *norule = jget(run, "results/4");
    assert_string_equal(jgets(norule, "ruleId"), "unknown");
    assert_string_equal(jgets(rule_of(run, norule), "shortDescription/text"),
                        "A reference-counting problem found by pyrefcheck.");
    assert_null(jget(norule, "locations/0/physicalLocation/region"));
    assert_null(jget(run, "originalUriBaseIds"));
    assert_string_equal(jgets(run, "results/0/locations/0/physicalLocation/artifactLocation/uri"),
                        MOD_URI);
    assert_null(jget(run, "results/0/locations/0/physicalLocation/artifactLocation/uriBaseId"));
    assert_string_equal(jgets(run, "results/3/locations/0/physicalLocation/artifactLocation/uri"),
                        "file:///abs/x.c");
    json_decref(doc);
    finding_list_free(&l);
}

static void test_sarif_empty(void **state)
{
    (void)state;
    finding_list l = { 0 };
    json_t *doc = render_json(REPORT_SARIF, &l, &(report_info){ "0.1.0", NULL });
    assert_string_equal(jgets(doc, "version"), "2.1.0");
    assert_true(json_is_array(jget(doc, "runs/0/results")));
    assert_int_equal(json_array_size(jget(doc, "runs/0/results")), 0);
    assert_int_equal(json_array_size(jget(doc, "runs/0/tool/driver/rules")), 0);
    json_decref(doc);
}

/* Byte columns from clang become code point columns in SARIF; a finding
 * without a line covers the whole file. */
static void test_sarif_source_positions(void **state)
{
    (void)state;
    char path[] = "/tmp/test_report_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *src = "int a;\nx = \"\xc3\xa9\"; y\n";
    assert_int_equal(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    finding_list l = { 0 };
    add(&l, "ref-leak", "error", path, 2, 11, NULL, "y", NULL);
    finding_add_step(&l.items[0], path, 2, 14, "past the end of the line");
    finding_add_step(&l.items[0], path, 9, 4, "past the end of the file");
    add(&l, "gc-missing-flag", "warning", path, 0, 0, NULL, "file", NULL);
    json_t *doc = render_json(REPORT_SARIF, &l, NULL);
    json_t *r = jget(doc, "runs/0/results/0");
    assert_int_equal(jgeti(r, "locations/0/physicalLocation/region/startColumn"), 10);
    json_t *tfl = jget(r, "codeFlows/0/threadFlows/0/locations");
    assert_int_equal(jgeti(tfl, "0/location/physicalLocation/region/startColumn"), 13);
    assert_int_equal(jgeti(tfl, "1/location/physicalLocation/region/startColumn"), 4);
    r = jget(doc, "runs/0/results/1");
    assert_int_equal(jgeti(r, "locations/0/physicalLocation/region/startLine"), 1);
    assert_int_equal(jgeti(r, "locations/0/physicalLocation/region/endLine"), 2);
    assert_null(jget(r, "locations/0/physicalLocation/region/startColumn"));
    json_decref(doc);
    finding_list_free(&l);
    unlink(path);
}

/* ---- errors ------------------------------------------------------------------ */

static void test_write_error(void **state)
{
    (void)state;
    finding_list l = { 0 };
    sample(&l, "");
    report_format fmts[] = { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        FILE *ro = fopen("/dev/null", "r");
        assert_non_null(ro);
        assert_int_equal(report_write(ro, fmts[i], &l, NULL), -1);
        fclose(ro);
    }
    assert_int_equal(report_write(stdout, (report_format)42, &l, NULL), -1);
    finding_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_parse),
        cmocka_unit_test(test_text_lines),
        cmocka_unit_test(test_text_unknown_position),
        cmocka_unit_test(test_text_empty),
        cmocka_unit_test(test_json_fields),
        cmocka_unit_test(test_json_layout),
        cmocka_unit_test(test_json_invalid_utf8_and_no_info),
        cmocka_unit_test(test_json_empty),
        cmocka_unit_test(test_sarif_fields),
        cmocka_unit_test(test_sarif_absolute_root),
        cmocka_unit_test(test_sarif_no_root),
        cmocka_unit_test(test_sarif_empty),
        cmocka_unit_test(test_sarif_source_positions),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
