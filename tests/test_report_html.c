/* test_report_html.c - unit tests of the HTML report: everything escaped
 * (messages, paths, function names, source text), invalid UTF-8 and tabs,
 * the source table with numbered and highlighted step lines and the
 * marked finding line, the step list when the source cannot be read or a
 * step lies in another file, long paths cut with gap rows, the per-rule
 * summary, and the page for no findings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyzer/report.h"
#include "../analyzer/util.h"

#define EVIL "<script>alert(1)</script> & \"q\" 'a'"
#define EVIL_ESCAPED "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " \
                     "&quot;q&quot; &#39;a&#39;"

/* A temporary directory holding src.c; removed by teardown. */
typedef struct fixture {
    char dir[64];
    char *src;
} fixture;

static const char source_text[] =
    "/* line 1 */\n"
    "static PyObject *\n"
    "f(PyObject *self)\n"
    "{\n"
    "    PyObject *o = PyLong_FromLong(1);\n"       /* 5 */
    "\tif (a < b && c)\n"                          /* 6: tab, markup */
    "        return NULL; /* caf\xff */\n"          /* 7: invalid UTF-8 */
    "    return o;\r\n"                            /* 8: CRLF */
    "}\n";

static int setup(void **state)
{
    fixture *fx = xcalloc(1, sizeof *fx);
    strcpy(fx->dir, "/tmp/pyrefcheck-html-XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    fx->src = xasprintf("%s/src.c", fx->dir);
    FILE *f = fopen(fx->src, "w");
    assert_non_null(f);
    fputs(source_text, f);
    fclose(f);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    unlink(fx->src);
    rmdir(fx->dir);
    free(fx->src);
    free(fx);
    return 0;
}

static finding make(const char *file, unsigned line, const char *rule,
                    const char *msg)
{
    finding f;
    memset(&f, 0, sizeof f);
    f.file = xstrdup(file);
    f.line = line;
    f.col = 5;
    f.rule = xstrdup(rule);
    f.severity = xstrdup("warning");
    f.function = xstrdup("f<T>");
    f.message = xstrdup(msg);
    f.fingerprint = xstrdup("0123456789abcdef");
    return f;
}

static char *render(const finding_list *l, const char *root)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    report_info info = { "0.1.0", root };
    assert_int_equal(report_write(out, REPORT_HTML, l, &info), 0);
    fclose(out);
    return buf;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* A well-formed page frame with balanced containers. */
static void assert_page(const char *out)
{
    assert_memory_equal(out, "<!DOCTYPE html>\n", 16);
    size_t n = strlen(out);
    assert_true(n > 8 && strcmp(out + n - 8, "</html>\n") == 0);
    assert_int_equal(count(out, "<details"), count(out, "</details>"));
    assert_int_equal(count(out, "<tr"), count(out, "</tr>"));
    assert_int_equal(count(out, "<table"), count(out, "</table>"));
    assert_int_equal(count(out, "<ol"), count(out, "</ol>"));
    assert_int_equal(count(out, "<script"), count(out, "</script>"));
}

static void test_escaping_and_source(void **state)
{
    fixture *fx = *state;
    finding_list l = { 0 };
    finding f = make(fx->src, 7, "ref-leak", EVIL);
    finding_add_step(&f, fx->src, 5, 19, "step <one> " EVIL);
    finding_add_step(&f, fx->src, 6, 2, "bad \xc3\x28 byte\tand tab");
    finding_add_step(&f, fx->src, 7, 9, "returns here");
    finding_list_push(&l, &f);
    char *out = render(&l, fx->dir);
    assert_page(out);
    assert_null(strstr(out, "<script>alert"));
    assert_null(strstr(out, "<one>"));
    assert_int_equal(count(out, "<script>"), 1); /* the page's own */
    assert_int_equal(count(out, EVIL_ESCAPED), 3); /* summary, note, step */
    assert_non_null(strstr(out, "<code>f&lt;T&gt;()</code>"));
    assert_non_null(strstr(out, "<code class=\"loc\">src.c:7:5</code>"));
    /* the numbered, highlighted step lines and the marked finding line */
    assert_non_null(strstr(out, "<tr class=\"line step\"><td class=\"ln\">5"
        "</td><td class=\"gut\"><span class=\"badge\">1</span></td>"
        "<td class=\"code\">    PyObject *o = PyLong_FromLong(1);</td></tr>"));
    assert_non_null(strstr(out, "<tr class=\"line step\"><td class=\"ln\">6"
        "</td><td class=\"gut\"><span class=\"badge\">2</span></td>"
        "<td class=\"code\">        if (a &lt; b &amp;&amp; c)</td></tr>"));
    assert_non_null(strstr(out, "<tr class=\"line step target\">"
        "<td class=\"ln\">7</td><td class=\"gut\"><span class=\"badge\">3"
        "</span><span class=\"badge tgt\">!</span></td><td class=\"code\">"
        "        return NULL; /* caf\xef\xbf\xbd */</td></tr>"));
    /* step notes: caret under the column (the tab counts 8), message */
    assert_non_null(strstr(out, "<td class=\"code\">        <span class=\"caret"
        "\">^</span> <span class=\"badge\">2</span> <span class=\"text\">"
        "bad \xef\xbf\xbd( byte and tab</span>"));
    assert_non_null(strstr(out, "<span class=\"badge\">1</span> "
        "<span class=\"text\">step &lt;one&gt; " EVIL_ESCAPED "</span>"));
    /* context: lines 2..9, the CR of line 8 dropped */
    assert_non_null(strstr(out, "<td class=\"ln\">2</td>"));
    assert_null(strstr(out, "<td class=\"ln\">1</td>"));
    assert_non_null(strstr(out, "    return o;</td>"));
    assert_non_null(strstr(out, "<td class=\"ln\">9</td>"));
    assert_null(strstr(out, "\r"));
    assert_null(strstr(out, "<ol class=\"steps\">")); /* all steps shown */
    free(out);
    finding_list_free(&l);
}

static void test_missing_source(void **state)
{
    (void)state;
    finding_list l = { 0 };
    finding f = make("/nonexistent/dir/x.c", 12, "ref-leak", "leak & more");
    finding_add_step(&f, f.file, 10, 3, "allocated <here>");
    finding_add_step(&f, f.file, 12, 3, "returned");
    finding_list_push(&l, &f);
    char *out = render(&l, NULL);
    assert_page(out);
    assert_null(strstr(out, "<table class=\"src\">"));
    assert_non_null(strstr(out, "Source not shown: /nonexistent/dir/x.c"));
    assert_non_null(strstr(out, "<ol class=\"steps\">"));
    assert_non_null(strstr(out, "<li value=\"1\"><span class=\"badge\">1</span> "
        "<code class=\"loc\">/nonexistent/dir/x.c:10:3</code> "
        "<span class=\"text\">allocated &lt;here&gt;</span></li>"));
    assert_non_null(strstr(out, "<li value=\"2\">"));
    assert_non_null(strstr(out, "leak &amp; more"));
    free(out);
    finding_list_free(&l);
}

static void test_step_in_other_file(void **state)
{
    fixture *fx = *state;
    finding_list l = { 0 };
    finding f = make(fx->src, 8, "ref-leak", "m");
    finding_add_step(&f, fx->src, 5, 5, "in the file");
    finding_add_step(&f, "/usr/include/other.h", 40, 1, "in a header");
    finding_add_step(&f, fx->src, 8, 5, "back");
    finding_list_push(&l, &f);
    char *out = render(&l, fx->dir);
    assert_page(out);
    assert_non_null(strstr(out, "<span class=\"badge\">1</span></td>"));
    assert_non_null(strstr(out, "<span class=\"badge\">3</span>"
                                "<span class=\"badge tgt\">!</span></td>"));
    assert_non_null(strstr(out, "Further steps of the path"));
    assert_non_null(strstr(out, "<li value=\"2\">"));
    assert_non_null(strstr(out, "/usr/include/other.h:40:1"));
    assert_null(strstr(out, "<li value=\"1\">"));
    free(out);
    finding_list_free(&l);
}

/* A path spanning 300 lines shows the lines near its steps, with a gap
 * row between, and never more than 80 lines. */
static void test_long_path_cut(void **state)
{
    fixture *fx = *state;
    FILE *src = fopen(fx->src, "w");
    for (int i = 1; i <= 300; i++)
        fprintf(src, "int line%d;\n", i);
    fclose(src);
    finding_list l = { 0 };
    finding f = make(fx->src, 250, "ref-leak", "far");
    finding_add_step(&f, fx->src, 10, 1, "start");
    finding_add_step(&f, fx->src, 250, 1, "end");
    finding_list_push(&l, &f);
    char *out = render(&l, fx->dir);
    assert_page(out);
    assert_int_equal(count(out, "<tr class=\"gap\">"), 1);
    assert_int_equal(count(out, "<tr class=\"line"), 14);
    assert_non_null(strstr(out, "<td class=\"ln\">7</td>"));
    assert_non_null(strstr(out, "<td class=\"ln\">253</td>"));
    assert_null(strstr(out, "<td class=\"ln\">14</td>"));
    free(out);
    finding_list_free(&l);
}

static void test_summary_counts(void **state)
{
    fixture *fx = *state;
    finding_list l = { 0 };
    finding a = make(fx->src, 5, "null-deref", "x");
    finding b = make(fx->src, 6, "ref-leak", "y");
    finding c = make(fx->src, 7, "ref-leak", "z");
    finding_list_push(&l, &a);
    finding_list_push(&l, &b);
    finding_list_push(&l, &c);
    char *out = render(&l, fx->dir);
    assert_page(out);
    const char *leak = strstr(out, "<tr><td><code>ref-leak</code></td>"
                                   "<td class=\"n\">2</td></tr>");
    const char *deref = strstr(out, "<tr><td><code>null-deref</code></td>"
                                    "<td class=\"n\">1</td></tr>");
    assert_non_null(leak);
    assert_non_null(deref);
    assert_true(leak < deref); /* most frequent first */
    assert_non_null(strstr(out, "<td class=\"n\">3</td>"));
    assert_int_equal(count(out, "<details class=\"finding sev-warning\""), 3);
    assert_non_null(strstr(out, "id=\"finding-3\""));
    free(out);
    finding_list_free(&l);
}

static void test_no_findings(void **state)
{
    (void)state;
    finding_list l = { 0 };
    char *out = render(&l, "/some/root & <dir>");
    assert_page(out);
    assert_non_null(strstr(out, "<html lang=\"en\">"));
    assert_non_null(strstr(out, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(out, "No findings"));
    assert_non_null(strstr(out, "/some/root &amp; &lt;dir&gt;"));
    assert_null(strstr(out, "<details"));
    assert_null(strstr(out, "<table"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_escaping_and_source, setup, teardown),
        cmocka_unit_test(test_missing_source),
        cmocka_unit_test_setup_teardown(test_step_in_other_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_path_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary_counts, setup, teardown),
        cmocka_unit_test(test_no_findings),
    };
    return cmocka_run_group_tests_name("report_html", tests, NULL, NULL);
}
