/* test_settings.c - unit tests of what decides which findings count:
 * suppression comments, the rule set (enable/disable/exclude, per path),
 * the configuration file (libinih) and the baseline file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyzer/baseline.h"
#include "../analyzer/config.h"
#include "../analyzer/suppress.h"
#include "../analyzer/util.h"
#include "../rules/ruleset.h"

static void add(finding_list *l, unsigned line, const char *rule, const char *fp)
{
    finding f;
    memset(&f, 0, sizeof f);
    f.file = xstrdup("m.c");
    f.line = line;
    f.rule = xstrdup(rule);
    f.fingerprint = xstrdup(fp);
    f.message = xstrdup("msg\twith tab");
    finding_list_push(l, &f);
}

static void test_suppress_lines_and_rules(void **state)
{
    (void)state;
    const char *src =
        "int a; /* pyrefcheck: ignore[ref-leak] */\n"      /* 1 */
        "int b;\n"                                         /* 2 */
        "// pyrefcheck: ignore[null-deref, ref-leak]\n"     /* 3 */
        "int c;\n"                                         /* 4 */
        "// pyrefcheck: ignore\n"                          /* 5 */
        "int d;\n"                                         /* 6 */
        "const char *s = \"pyrefcheck: ignore\";\n"        /* 7: not a comment */
        "int e;\n";                                        /* 8 */
    suppression_list sl = { 0 };
    char err[256];
    assert_int_equal(suppress_scan("m.c", src, &sl, err, sizeof err), 0);
    assert_int_equal(sl.len, 3);
    finding_list fl = { 0 };
    add(&fl, 1, "ref-leak", "a");          /* same line: suppressed */
    add(&fl, 2, "ref-leak", "b");          /* line after: suppressed */
    add(&fl, 2, "null-deref", "c");        /* other rule: not */
    add(&fl, 4, "null-deref", "d");        /* listed: suppressed */
    add(&fl, 6, "use-after-release", "e"); /* all rules: suppressed */
    add(&fl, 8, "ref-leak", "f");          /* string, not a comment */
    suppress_apply(&sl, &fl);
    bool want[] = { true, true, false, true, true, false };
    for (size_t i = 0; i < fl.len; i++)
        assert_int_equal(fl.items[i].suppressed, want[i]);
    for (size_t i = 0; i < sl.len; i++)
        assert_true(sl.items[i].used);
    suppress_free(&sl);
    finding_list_free(&fl);
}

static void test_suppress_errors(void **state)
{
    (void)state;
    suppression_list sl = { 0 };
    char err[256] = "";
    assert_int_equal(suppress_scan("m.c", "int x;\n// pyrefcheck: ignore[ref-leek]\n",
                                   &sl, err, sizeof err), -1);
    assert_string_equal(err, "m.c:2: unknown rule 'ref-leek' in suppression");
    suppress_free(&sl);
    assert_int_equal(suppress_scan("m.c", "// pyrefcheck: ignore[ref-leak\n",
                                   &sl, err, sizeof err), -1);
    assert_non_null(strstr(err, "m.c:1: unclosed"));
    suppress_free(&sl);
}

static void test_ruleset(void **state)
{
    (void)state;
    ruleset *rs = ruleset_new();
    char err[128];
    assert_true(ruleset_allows(rs, "ref-leak", "a.c"));
    assert_int_equal(ruleset_disable(rs, NULL, "null-deref", err, sizeof err), 0);
    assert_int_equal(ruleset_disable(rs, "tests/*", "ref-leak", err, sizeof err), 0);
    assert_false(ruleset_allows(rs, "null-deref", "a.c"));
    assert_true(ruleset_allows(rs, "ref-leak", "src/a.c"));
    assert_false(ruleset_allows(rs, "ref-leak", "tests/t.c"));
    assert_false(ruleset_allows(rs, "ref-leak", "./tests/t.c"));
    assert_int_equal(ruleset_enable(rs, "gen/*", "ref-overrelease", err, sizeof err), 0);
    assert_true(ruleset_allows(rs, "ref-overrelease", "gen/x.c"));
    assert_false(ruleset_allows(rs, "ref-leak", "gen/x.c"));
    assert_true(ruleset_allows(rs, "ref-leak", "src/x.c"));
    assert_int_equal(ruleset_enable(rs, NULL, "ref-leak,bogus", err, sizeof err), -1);
    assert_string_equal(err, "unknown rule 'bogus'");
    ruleset_exclude(rs, "vendor/*");
    assert_true(ruleset_excluded(rs, "vendor/lib/x.c"));
    assert_false(ruleset_excluded(rs, "src/vendor.c"));
    ruleset_free(rs);
}

static char *write_temp(const char *dir, const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_config_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/pyrefcheck-cfg-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *good = write_temp(dir, "setup.cfg",
        "[metadata]\nname = spam\n\n"
        "[pyrefcheck]\ndisable = null-deref\nexclude = vendor/*\n"
        "rules = extra.rules\npython-include = inc\n"
        "[pyrefcheck:tests/*]\ndisable = ref-leak\n");
    ruleset *rs = ruleset_new();
    config c;
    char err[256] = "";
    assert_int_equal(config_load(&c, rs, good, err, sizeof err), 0);
    assert_string_equal(c.path, good);
    assert_int_equal(c.nrules, 1);
    char *want = xasprintf("%s/extra.rules", dir);
    assert_string_equal(c.rules_files[0], want);
    free(want);
    assert_false(ruleset_allows(rs, "null-deref", "a.c"));
    assert_false(ruleset_allows(rs, "ref-leak", "tests/a.c"));
    assert_true(ruleset_allows(rs, "ref-leak", "a.c"));
    assert_true(ruleset_excluded(rs, "vendor/x.c"));
    config_free(&c);
    ruleset_free(rs);
    char *bad = write_temp(dir, "bad.cfg", "[pyrefcheck]\n\nenable = ref-leak\nfrobs = 1\n");
    rs = ruleset_new();
    assert_int_equal(config_load(&c, rs, bad, err, sizeof err), -1);
    want = xasprintf("%s:4: unknown key 'frobs' in [pyrefcheck]", bad);
    assert_string_equal(err, want);
    free(want);
    config_free(&c);
    ruleset_free(rs);
    char *badrule = write_temp(dir, "badrule.cfg", "[pyrefcheck]\ndisable = nope\n");
    rs = ruleset_new();
    assert_int_equal(config_load(&c, rs, badrule, err, sizeof err), -1);
    assert_non_null(strstr(err, "badrule.cfg:2: unknown rule 'nope'"));
    config_free(&c);
    ruleset_free(rs);
    unlink(good);
    unlink(bad);
    unlink(badrule);
    free(good);
    free(bad);
    free(badrule);
    rmdir(dir);
}

static void test_baseline_file(void **state)
{
    (void)state;
    char path[] = "/tmp/pyrefcheck-baseline-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    finding_list fl = { 0 };
    add(&fl, 1, "ref-leak", "00000000000000aa");
    add(&fl, 2, "ref-leak", "00000000000000bb");
    fl.items[1].suppressed = true;   /* suppressed findings are not baselined */
    char err[256];
    assert_int_equal(baseline_write(&fl, path, err, sizeof err), 0);
    baseline b = { 0 };
    assert_int_equal(baseline_read(&b, path, err, sizeof err), 0);
    assert_int_equal(b.n, 1);
    assert_true(baseline_contains(&b, "00000000000000aa"));
    assert_false(baseline_contains(&b, "00000000000000bb"));
    baseline_mark(&b, &fl);
    assert_true(fl.items[0].baselined);
    assert_false(fl.items[1].baselined);
    baseline_free(&b);
    FILE *f = fopen(path, "a");
    fputs("nothex\tref-leak\tx.c\tm\n", f);
    fclose(f);
    assert_int_equal(baseline_read(&b, path, err, sizeof err), -1);
    char *want = xasprintf("%s:3: not a fingerprint (16 hex digits)", path);
    assert_string_equal(err, want);
    free(want);
    baseline_free(&b);
    finding_list_free(&fl);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suppress_lines_and_rules),
        cmocka_unit_test(test_suppress_errors),
        cmocka_unit_test(test_ruleset),
        cmocka_unit_test(test_config_file),
        cmocka_unit_test(test_baseline_file),
    };
    return cmocka_run_group_tests_name("settings", tests, NULL, NULL);
}
