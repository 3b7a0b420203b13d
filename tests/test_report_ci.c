/* test_report_ci.c - unit tests of the CI report formats: GitHub Actions
 * workflow commands (escaping of data and properties, paths relative to the
 * root) and GitLab Code Quality JSON (fields read back with jansson). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/report.h"
#include "../analyzer/util.h"

static void add(finding_list *l, const char *file, unsigned line,
                const char *rule, const char *sev, const char *msg)
{
    finding f;
    memset(&f, 0, sizeof f);
    f.file = xstrdup(file);
    f.line = line;
    f.col = 3;
    f.rule = xstrdup(rule);
    f.severity = xstrdup(sev);
    f.message = xstrdup(msg);
    f.fingerprint = xstrdup("0123456789abcdef");
    finding_add_step(&f, file, line, 3, "step one");
    finding_list_push(l, &f);
}

static char *render(report_format fmt, const finding_list *l, const char *root)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    report_info info = { "0.1.0", root };
    assert_int_equal(report_write(out, fmt, l, &info), 0);
    fclose(out);
    return buf;
}

static void test_github_commands(void **state)
{
    (void)state;
    finding_list l = { 0 };
    add(&l, "/src/proj/a,b:c.c", 12, "ref-leak", "warning", "50% leaked\nreally");
    add(&l, "other.c", 3, "null-deref", "note", "plain");
    char *out = render(REPORT_GITHUB, &l, "/src/proj");
    assert_string_equal(out,
        "::error file=a%2Cb%3Ac.c,line=12,col=3,title=pyrefcheck ref-leak"
        "::50%25 leaked%0Areally%0A12:3: step one\n"
        "::notice file=other.c,line=3,col=3,title=pyrefcheck null-deref"
        "::plain%0A3:3: step one\n");
    free(out);
    finding_list_free(&l);
}

static void test_gitlab_json(void **state)
{
    (void)state;
    finding_list l = { 0 };
    add(&l, "/src/proj/mod/x.c", 7, "ref-overrelease", "warning", "too low");
    add(&l, "/src/proj/y.c", 9, "ref-leak", "error", "bad");
    char *out = render(REPORT_GITLAB, &l, "/src/proj");
    json_error_t err;
    json_t *doc = json_loads(out, 0, &err);
    assert_non_null(doc);
    assert_true(json_is_array(doc));
    assert_int_equal(json_array_size(doc), 2);
    json_t *a = json_array_get(doc, 0);
    assert_string_equal(json_string_value(json_object_get(a, "check_name")), "ref-overrelease");
    assert_string_equal(json_string_value(json_object_get(a, "description")), "too low");
    assert_string_equal(json_string_value(json_object_get(a, "fingerprint")), "0123456789abcdef");
    assert_string_equal(json_string_value(json_object_get(a, "severity")), "major");
    json_t *loc = json_object_get(a, "location");
    assert_string_equal(json_string_value(json_object_get(loc, "path")), "mod/x.c");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(loc, "lines"), "begin")), 7);
    assert_string_equal(json_string_value(json_object_get(json_array_get(doc, 1), "severity")), "critical");
    json_decref(doc);
    free(out);
    finding_list_free(&l);
}

static void test_format_names(void **state)
{
    (void)state;
    report_format f;
    assert_int_equal(report_format_parse("github", &f), 0);
    assert_int_equal(f, REPORT_GITHUB);
    assert_int_equal(report_format_parse("gitlab", &f), 0);
    assert_int_equal(f, REPORT_GITLAB);
    assert_int_equal(report_format_parse("html", &f), 0);
    assert_int_equal(f, REPORT_HTML);
    assert_int_equal(report_format_parse("GitHub", &f), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_github_commands),
        cmocka_unit_test(test_gitlab_json),
        cmocka_unit_test(test_format_names),
    };
    return cmocka_run_group_tests_name("report_ci", tests, NULL, NULL);
}
