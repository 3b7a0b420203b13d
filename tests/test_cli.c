/* test_cli.c - unit tests of command-line parsing: subcommands, options
 * with separate and inline values, `--` compiler flags, and the usage
 * errors that must give exit code 2 instead of a guess. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "../analyzer/cli.h"

#define ARGV(...) ((char *[]){ "pyrefcheck", __VA_ARGS__, NULL })
#define ARGC(v) ((int)(sizeof(v) / sizeof((v)[0])) - 1)

static int parse(int argc, char **argv, cli_options *o, char *err)
{
    return cli_parse(argc, argv, o, err, 256);
}

static void test_scan_defaults(void **state)
{
    (void)state;
    char *argv[] = { "pyrefcheck", "scan", "src", NULL };
    cli_options o;
    char err[256];
    assert_int_equal(parse(3, argv, &o, err), 0);
    assert_int_equal(o.cmd, CMD_SCAN);
    assert_string_equal(o.db_path, ".pyrefcheck/findings.db");
    assert_int_equal(o.format, REPORT_TEXT);
    assert_int_equal(o.ninputs, 1);
    assert_string_equal(o.inputs[0], "src");
    assert_int_equal(o.nextra, 0);
    cli_free(&o);
}

static void test_scan_options(void **state)
{
    (void)state;
    char **argv = ARGV("scan", "-p", "build", "--format=sarif", "--db", "x.db",
                       "--rules", "a.rules", "--rules=b.rules", "m.c", "--",
                       "-DFOO=1", "-Iinc");
    cli_options o;
    char err[256];
    assert_int_equal(parse(14, argv, &o, err), 0);
    assert_string_equal(o.compdb_dir, "build");
    assert_int_equal(o.format, REPORT_SARIF);
    assert_string_equal(o.db_path, "x.db");
    assert_int_equal(o.nrules, 2);
    assert_string_equal(o.rules_files[0], "a.rules");
    assert_string_equal(o.rules_files[1], "b.rules");
    assert_int_equal(o.ninputs, 1);
    assert_string_equal(o.inputs[0], "m.c");
    assert_int_equal(o.nextra, 2);
    assert_string_equal(o.extra_args[0], "-DFOO=1");
    assert_string_equal(o.extra_args[1], "-Iinc");
    cli_free(&o);
}

static void test_jobs(void **state)
{
    (void)state;
    char *a[] = { "pyrefcheck", "scan", "-j4", "x.c", NULL };
    char *b[] = { "pyrefcheck", "scan", "--jobs", "2", "x.c", NULL };
    char *c[] = { "pyrefcheck", "scan", "-j", "many", "x.c", NULL };
    cli_options o;
    char err[256];
    assert_int_equal(parse(4, a, &o, err), 0);
    assert_int_equal(o.jobs, 4);
    cli_free(&o);
    assert_int_equal(parse(5, b, &o, err), 0);
    assert_int_equal(o.jobs, 2);
    cli_free(&o);
    assert_int_equal(parse(5, c, &o, err), -1);
    assert_non_null(strstr(err, "-j expects"));
    cli_free(&o);
}

static void test_query_formats(void **state)
{
    (void)state;
    char *argv[] = { "pyrefcheck", "query", "--csv", "SELECT 1", NULL };
    cli_options o;
    char err[256];
    assert_int_equal(parse(4, argv, &o, err), 0);
    assert_int_equal(o.cmd, CMD_QUERY);
    assert_int_equal(o.qformat, QUERY_CSV);
    assert_string_equal(o.sql, "SELECT 1");
    cli_free(&o);
    argv[2] = "--json";
    assert_int_equal(parse(4, argv, &o, err), 0);
    assert_int_equal(o.qformat, QUERY_JSON);
    cli_free(&o);
}

static void test_report_run(void **state)
{
    (void)state;
    char *argv[] = { "pyrefcheck", "report", "--run", "7", "--format", "json", NULL };
    cli_options o;
    char err[256];
    assert_int_equal(parse(6, argv, &o, err), 0);
    assert_int_equal(o.cmd, CMD_REPORT);
    assert_int_equal(o.run_id, 7);
    assert_int_equal(o.format, REPORT_JSON);
    cli_free(&o);
}

static void test_version_and_help(void **state)
{
    (void)state;
    char *v[] = { "pyrefcheck", "--version", NULL };
    char *h[] = { "pyrefcheck", "scan", "--help", NULL };
    cli_options o;
    char err[256];
    assert_int_equal(parse(2, v, &o, err), 0);
    assert_true(o.version);
    cli_free(&o);
    assert_int_equal(parse(3, h, &o, err), 0);
    assert_true(o.help);
    assert_int_equal(o.cmd, CMD_SCAN);
    cli_free(&o);
}

typedef struct bad_case {
    int argc;
    char *argv[6];
    const char *error;
} bad_case;

static void test_usage_errors(void **state)
{
    (void)state;
    bad_case cases[] = {
        { 1, { "pyrefcheck" }, "missing command" },
        { 2, { "pyrefcheck", "frobnicate" }, "unknown command 'frobnicate'" },
        { 3, { "pyrefcheck", "scan", "--bogus" }, "unknown option '--bogus'" },
        { 3, { "pyrefcheck", "scan", "--db" }, "option '--db' needs a value" },
        { 4, { "pyrefcheck", "scan", "--format", "xml" }, "unknown format 'xml'" },
        { 2, { "pyrefcheck", "scan" }, "scan needs files" },
        { 2, { "pyrefcheck", "query" }, "exactly one SQL" },
        { 4, { "pyrefcheck", "query", "--format", "json" }, "unknown option '--format'" },
        { 4, { "pyrefcheck", "report", "--run", "x" }, "--run expects" },
        { 3, { "pyrefcheck", "report", "file.c" }, "no file arguments" },
        { 4, { "pyrefcheck", "query", "--csv", "--run" }, "unknown option '--run'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_options o;
        char err[256] = "";
        assert_int_equal(parse(cases[i].argc, cases[i].argv, &o, err), -1);
        if (!strstr(err, cases[i].error))
            fail_msg("case %zu: got '%s', want '%s'", i, err, cases[i].error);
        cli_free(&o);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_defaults),
        cmocka_unit_test(test_scan_options),
        cmocka_unit_test(test_query_formats),
        cmocka_unit_test(test_jobs),
        cmocka_unit_test(test_report_run),
        cmocka_unit_test(test_version_and_help),
        cmocka_unit_test(test_usage_errors),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
