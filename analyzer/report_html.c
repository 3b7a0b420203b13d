/* report_html.c - owns the HTML report: one self-contained page per run
 * (inline CSS and a few lines of inline JavaScript, no external
 * resources, readable offline).
 *
 * The page: a header (tool version, root, number of findings), a summary
 * table with the number of findings per rule (most frequent first), then
 * one <details class="finding"> per finding.  Its <summary> shows the
 * severity, file:line:col, rule, function and message; the body shows the
 * source around the finding's path: a <table class="src"> with line
 * numbers, from CONTEXT lines before the first marked line (the finding
 * line and the lines of the trace steps in the finding's file) to CONTEXT
 * lines after the last.  At most MAX_LINES lines are shown: a longer span
 * keeps only the lines near a marked line, with gap rows between.  Step
 * lines get <tr class="... step"> and badges numbered 1, 2, 3 ... in path
 * order, each followed by a note row with a caret under the step's column
 * and the step's message; the finding line gets class "target" and a note
 * row with the finding's message.  Steps not shown in the source (another
 * file, no line, beyond the cap, or the file cannot be read) are listed in
 * an <ol class="steps"> that keeps their path numbers.
 *
 * Source files are read as given in the findings (relative paths from the
 * current directory), once per run; displayed paths are relative to
 * info->root.  Every piece of text is escaped (& < > " '); invalid UTF-8
 * bytes become U+FFFD, control characters spaces, and tabs in source lines
 * are expanded to TAB_WIDTH columns.
 *
 * The page opens every finding when its URL has "?open" or "#open", and
 * the finding named by a "#finding-N" fragment. */
#include "report_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define CONTEXT 3       /* source lines shown around each marked line */
#define MAX_LINES 80    /* source lines shown per finding */
#define TAB_WIDTH 8
#define MAX_CARET_PAD 200
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */
#define NO_RULE "unknown"

/* One source file, read once per run. */
typedef struct html_src {
    char *path;      /* as named by the findings */
    char *text;      /* NULL when the file cannot be read */
    int err;         /* errno of the failed read */
    size_t *starts;  /* byte offset of each line */
    size_t nlines;
    size_t len;
} html_src;

typedef struct html_ctx {
    const report_info *info;
    html_src *files;
    size_t nfiles, capfiles;
} html_ctx;

/* The source lines shown for one finding, in increasing order. */
typedef struct src_view {
    const finding *f;
    const html_src *src;
    unsigned lines[MAX_LINES];
    size_t n;
} src_view;

typedef struct rule_count {
    const char *rule;
    size_t n;
} rule_count;

static const char *str_or(const char *s, const char *dflt)
{
    return s ? s : dflt;
}

/* ---- escaping ---------------------------------------------------------- */

/* Columns taken by the character at p (its bytes in *bytes) when it
 * starts at column col; tabs count only when expand_tabs. */
static unsigned char_width(const unsigned char *p, size_t avail,
                           unsigned col, bool expand_tabs, size_t *bytes)
{
    size_t n = utf8_char_len(p, avail);
    *bytes = n ? n : 1;
    if (*p == '\t' && expand_tabs)
        return TAB_WIDTH - col % TAB_WIDTH;
    return 1;
}

static void put_ascii(FILE *out, unsigned char c)
{
    switch (c) {
    case '&': fputs("&amp;", out); break;
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '"': fputs("&quot;", out); break;
    case '\'': fputs("&#39;", out); break;
    default: fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
    }
}

/* Write n bytes of s as HTML text (see the file comment). */
static void put_html_n(FILE *out, const char *s, size_t n, bool expand_tabs)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    unsigned col = 0;
    while (p < end) {
        size_t bytes;
        unsigned w = char_width(p, (size_t)(end - p), col, expand_tabs, &bytes);
        if (*p == '\t' && expand_tabs)
            fprintf(out, "%*s", (int)w, "");
        else if (bytes > 1)
            fwrite(p, 1, bytes, out);
        else if (!utf8_char_len(p, (size_t)(end - p)))
            fputs(REPLACEMENT, out);
        else
            put_ascii(out, *p);
        col += w;
        p += bytes;
    }
}

static void put_html(FILE *out, const char *s)
{
    if (s)
        put_html_n(out, s, strlen(s), false);
}

/* The display column (0-based) of 1-based byte column col of a line. */
static unsigned visual_col(const char *line, size_t len, unsigned col)
{
    const unsigned char *p = (const unsigned char *)line;
    size_t i = 0;
    unsigned vis = 0;
    while (i + 1 < col && i < len) {
        size_t bytes;
        vis += char_width(p + i, len - i, vis, true, &bytes);
        i += bytes;
    }
    return vis + (i + 1 < col ? (unsigned)(col - 1 - i) : 0);
}

/* "FILE:LINE:COL" with the file relative to the root; zero parts left out. */
static void put_location(FILE *out, const html_ctx *c, const char *file,
                         unsigned line, unsigned col)
{
    char *rel = report_relative_path(file, c->info->root);
    put_html(out, file ? rel : "<unknown>");
    free(rel);
    if (line)
        fprintf(out, ":%u", line);
    if (line && col)
        fprintf(out, ":%u", col);
}

/* ---- source files -------------------------------------------------------- */

static void src_index_lines(html_src *s)
{
    size_t cap = 0;
    for (size_t i = 0; i < s->len; i++)
        if (i == 0 || s->text[i - 1] == '\n')
            ARRAY_PUSH(s->starts, s->nlines, cap, i);
}

static const html_src *src_get(html_ctx *c, const char *path)
{
    for (size_t i = 0; i < c->nfiles; i++)
        if (strcmp(c->files[i].path, path) == 0)
            return &c->files[i];
    html_src s = { xstrdup(path), NULL, 0, NULL, 0, 0 };
    errno = 0;
    s.text = read_file(path, &s.len);
    if (s.text)
        src_index_lines(&s);
    else
        s.err = errno;
    ARRAY_PUSH(c->files, c->nfiles, c->capfiles, s);
    return &c->files[c->nfiles - 1];
}

/* Line number line (1-based, <= nlines) of s; *len excludes the newline
 * and a carriage return before it. */
static const char *src_line(const html_src *s, unsigned line, size_t *len)
{
    size_t start = s->starts[line - 1];
    size_t end = line < s->nlines ? s->starts[line] : s->len;
    if (end > start && s->text[end - 1] == '\n')
        end--;
    if (end > start && s->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return s->text + start;
}

static void html_ctx_free(html_ctx *c)
{
    for (size_t i = 0; i < c->nfiles; i++) {
        free(c->files[i].path);
        free(c->files[i].text);
        free(c->files[i].starts);
    }
    free(c->files);
}

/* ---- which lines to show ---------------------------------------------------- */

/* A step is drawn in the source of its finding when it is in that file
 * (a step without a file is in the finding's file). */
static bool step_in_file(const finding *f, const trace_step *s)
{
    return f->file && (!s->file || strcmp(s->file, f->file) == 0);
}

static bool line_valid(const html_src *src, unsigned line)
{
    return line >= 1 && line <= src->nlines;
}

/* Whether |line - m| <= CONTEXT for some marked line m. */
static bool near_mark(const finding *f, const html_src *src, unsigned line)
{
    unsigned lo = line > CONTEXT ? line - CONTEXT : 1, hi = line + CONTEXT;
    if (line_valid(src, f->line) && f->line >= lo && f->line <= hi)
        return true;
    for (size_t i = 0; i < f->nsteps; i++) {
        const trace_step *s = &f->steps[i];
        if (step_in_file(f, s) && s->line >= lo && s->line <= hi)
            return true;
    }
    return false;
}

/* The first and last marked lines; false when there is none. */
static bool mark_range(const finding *f, const html_src *src, unsigned *lo,
                       unsigned *hi)
{
    bool any = line_valid(src, f->line);
    *lo = *hi = f->line;
    for (size_t i = 0; i < f->nsteps; i++) {
        const trace_step *s = &f->steps[i];
        if (!step_in_file(f, s) || !line_valid(src, s->line))
            continue;
        *lo = any && *lo < s->line ? *lo : s->line;
        *hi = any && *hi > s->line ? *hi : s->line;
        any = true;
    }
    return any;
}

static void view_build(src_view *v, const finding *f, const html_src *src)
{
    unsigned lo, hi;
    v->f = f;
    v->src = src;
    v->n = 0;
    if (!src->text || !mark_range(f, src, &lo, &hi))
        return;
    lo = lo > CONTEXT ? lo - CONTEXT : 1;
    hi = hi + CONTEXT < src->nlines ? hi + CONTEXT : (unsigned)src->nlines;
    bool all = hi - lo + 1 <= MAX_LINES;
    for (unsigned l = lo; l <= hi && v->n < MAX_LINES; l++)
        if (all || near_mark(f, src, l))
            v->lines[v->n++] = l;
}

static bool view_shows(const src_view *v, unsigned line)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->lines[i] == line)
            return true;
    return false;
}

static bool step_shown(const src_view *v, const trace_step *s)
{
    return step_in_file(v->f, s) && view_shows(v, s->line);
}

/* ---- source table -------------------------------------------------------------- */

static void put_line_row(FILE *out, const src_view *v, unsigned line)
{
    const finding *f = v->f;
    bool step = false;
    for (size_t i = 0; i < f->nsteps && !step; i++)
        step = step_in_file(f, &f->steps[i]) && f->steps[i].line == line;
    fprintf(out, "<tr class=\"line%s%s\"><td class=\"ln\">%u</td>"
            "<td class=\"gut\">", step ? " step" : "",
            line == f->line ? " target" : "", line);
    for (size_t i = 0; i < f->nsteps; i++)
        if (step_in_file(f, &f->steps[i]) && f->steps[i].line == line)
            fprintf(out, "<span class=\"badge\">%zu</span>", i + 1);
    if (line == f->line)
        fputs("<span class=\"badge tgt\">!</span>", out);
    fputs("</td><td class=\"code\">", out);
    size_t len;
    const char *text = src_line(v->src, line, &len);
    put_html_n(out, text, len, true);
    fputs("</td></tr>\n", out);
}

/* Opens a note row: blank number and gutter cells, then spaces and a
 * caret under column col of line (no caret for column 0). */
static void open_note_row(FILE *out, const src_view *v, unsigned line,
                          unsigned col, const char *cls)
{
    fprintf(out, "<tr class=\"note%s\"><td class=\"ln\"></td>"
            "<td class=\"gut\"></td><td class=\"code\">", cls);
    if (!col)
        return;
    size_t len;
    const char *text = src_line(v->src, line, &len);
    unsigned pad = visual_col(text, len, col);
    fprintf(out, "%*s<span class=\"caret\">^</span> ",
            (int)(pad < MAX_CARET_PAD ? pad : MAX_CARET_PAD), "");
}

static void put_note_rows(FILE *out, const src_view *v, unsigned line)
{
    const finding *f = v->f;
    for (size_t i = 0; i < f->nsteps; i++) {
        const trace_step *s = &f->steps[i];
        if (!step_in_file(f, s) || s->line != line)
            continue;
        open_note_row(out, v, line, s->col, "");
        fprintf(out, "<span class=\"badge\">%zu</span> <span class=\"text\">",
                i + 1);
        put_html(out, str_or(s->message, ""));
        fputs("</span></td></tr>\n", out);
    }
    if (line != f->line)
        return;
    open_note_row(out, v, line, f->col, " tgt");
    fputs("<span class=\"badge tgt\">!</span> <span class=\"text\"><b>", out);
    put_html(out, str_or(f->rule, NO_RULE));
    fputs("</b>: ", out);
    put_html(out, str_or(f->message, ""));
    fputs("</span></td></tr>\n", out);
}

static void put_view(FILE *out, const html_ctx *c, const src_view *v)
{
    fputs("<div class=\"srchead\">", out);
    put_location(out, c, v->f->file, 0, 0);
    fprintf(out, " &middot; lines %u&ndash;%u</div>\n"
            "<div class=\"srcwrap\"><table class=\"src\">\n",
            v->lines[0], v->lines[v->n - 1]);
    for (size_t i = 0; i < v->n; i++) {
        if (i > 0 && v->lines[i] != v->lines[i - 1] + 1)
            fputs("<tr class=\"gap\"><td class=\"ln\">&#8942;</td>"
                  "<td class=\"gut\"></td><td class=\"code\"></td></tr>\n", out);
        put_line_row(out, v, v->lines[i]);
        put_note_rows(out, v, v->lines[i]);
    }
    fputs("</table></div>\n", out);
}

/* ---- steps as a list ------------------------------------------------------------ */

static void put_step_item(FILE *out, const html_ctx *c, const finding *f,
                          size_t i)
{
    const trace_step *s = &f->steps[i];
    fprintf(out, "<li value=\"%zu\"><span class=\"badge\">%zu</span> "
            "<code class=\"loc\">", i + 1, i + 1);
    put_location(out, c, s->file ? s->file : f->file, s->line, s->col);
    fputs("</code> <span class=\"text\">", out);
    put_html(out, str_or(s->message, ""));
    fputs("</span></li>\n", out);
}

/* The steps that the source table does not show. */
static void put_step_list(FILE *out, const html_ctx *c, const src_view *v)
{
    const finding *f = v->f;
    size_t hidden = 0;
    for (size_t i = 0; i < f->nsteps; i++)
        hidden += !step_shown(v, &f->steps[i]);
    if (!hidden)
        return;
    fprintf(out, "<div class=\"listhead\">%s</div>\n<ol class=\"steps\">\n",
            v->n ? "Further steps of the path" : "Path");
    for (size_t i = 0; i < f->nsteps; i++)
        if (!step_shown(v, &f->steps[i]))
            put_step_item(out, c, f, i);
    fputs("</ol>\n", out);
}

static void put_no_source(FILE *out, const html_ctx *c, const finding *f,
                          const html_src *src)
{
    fputs("<p class=\"nosrc\">Source not shown: ", out);
    put_location(out, c, f->file, 0, 0);
    fputs(" &mdash; ", out);
    if (!src)
        fputs("the finding names no file", out);
    else if (!src->text)
        put_html(out, strerror(src->err ? src->err : EIO));
    else
        fputs("the finding's lines are not in the file", out);
    fputs("</p>\n", out);
}

/* ---- findings ------------------------------------------------------------------------- */

static const char *severity_class(const char *severity)
{
    static const char *const known[] = { "error", "warning", "note" };
    for (size_t i = 0; severity && i < sizeof known / sizeof *known; i++)
        if (strcmp(severity, known[i]) == 0)
            return known[i];
    return "other";
}

static void put_finding_summary(FILE *out, const html_ctx *c,
                                const finding *f, size_t k)
{
    fprintf(out, "<summary><span class=\"num\">#%zu</span> "
            "<span class=\"sev sev-%s\">", k, severity_class(f->severity));
    put_html(out, str_or(f->severity, "warning"));
    fputs("</span> <code class=\"loc\">", out);
    put_location(out, c, f->file, f->line, f->col);
    fputs("</code> <span class=\"rule\">", out);
    put_html(out, str_or(f->rule, NO_RULE));
    fputs("</span>", out);
    if (f->function) {
        fputs(" <span class=\"func\">in <code>", out);
        put_html(out, f->function);
        fputs("()</code></span>", out);
    }
    fputs("<span class=\"msg\">", out);
    put_html(out, str_or(f->message, ""));
    fputs("</span></summary>\n", out);
}

static void put_finding(FILE *out, html_ctx *c, const finding *f, size_t k)
{
    fprintf(out, "<details class=\"finding sev-%s\" id=\"finding-%zu\">\n",
            severity_class(f->severity), k);
    put_finding_summary(out, c, f, k);
    fputs("<div class=\"body\">\n", out);
    const html_src *src = f->file ? src_get(c, f->file) : NULL;
    src_view v = { .f = f, .src = src, .n = 0 };
    if (src)
        view_build(&v, f, src);
    if (v.n)
        put_view(out, c, &v);
    else
        put_no_source(out, c, f, src);
    put_step_list(out, c, &v);
    fputs("</div>\n</details>\n", out);
}

/* ---- summary ------------------------------------------------------------------------------ */

static int rule_count_cmp(const void *a, const void *b)
{
    const rule_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->rule, y->rule);
}

/* Distinct rules with their counts, most frequent first (caller frees). */
static rule_count *count_rules(const finding_list *l, size_t *n)
{
    rule_count *rules = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t i = 0; i < l->len; i++) {
        const char *id = str_or(l->items[i].rule, NO_RULE);
        size_t j = 0;
        while (j < *n && strcmp(rules[j].rule, id) != 0)
            j++;
        if (j == *n)
            ARRAY_PUSH(rules, *n, cap, ((rule_count){ id, 0 }));
        rules[j].n++;
    }
    if (*n > 1)
        qsort(rules, *n, sizeof *rules, rule_count_cmp);
    return rules;
}

static void put_summary(FILE *out, const finding_list *l)
{
    fputs("<h2>Summary</h2>\n", out);
    if (!l->len) {
        fputs("<p class=\"empty\">No findings: pyrefcheck reported no "
              "problems.</p>\n", out);
        return;
    }
    size_t n;
    rule_count *rules = count_rules(l, &n);
    fputs("<table class=\"summary\">\n<tr><th>Rule</th><th>Findings</th></tr>\n",
          out);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><td><code>", out);
        put_html(out, rules[i].rule);
        fprintf(out, "</code></td><td class=\"n\">%zu</td></tr>\n", rules[i].n);
    }
    fprintf(out, "<tr class=\"total\"><td>Total</td><td class=\"n\">%zu</td>"
            "</tr>\n</table>\n", l->len);
    free(rules);
}

/* ---- page ------------------------------------------------------------------------------- */

static const char page_css[] =
    ":root{--bg:#f6f8fa;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;"
    "--step:#fff3b8;--stepedge:#d4a72c;--tgt:#ffe4e1;--tgtedge:#cf222e;"
    "--badge:#9a6700}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 "
    "system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}\n"
    "code,.src{font-family:ui-monospace,SFMono-Regular,'DejaVu Sans Mono',"
    "Menlo,Consolas,monospace}\n"
    "header{background:#24292f;color:#fff;padding:16px 32px}\n"
    "header h1{margin:0;font-size:22px}\n"
    "header .meta{margin:4px 0 0;color:#c9d1d9;font-size:13px}\n"
    "main{max-width:1200px;margin:0 auto;padding:8px 32px 48px}\n"
    "h2{font-size:17px;margin:22px 0 10px}\n"
    "table.summary{border-collapse:collapse;background:#fff;"
    "border:1px solid var(--line);min-width:320px}\n"
    "table.summary th,table.summary td{padding:5px 14px;text-align:left;"
    "border-bottom:1px solid var(--line)}\n"
    "table.summary th{background:#eef1f4;font-size:13px}\n"
    "table.summary td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "tr.total td{font-weight:600}\n"
    ".empty{background:#fff;border:1px solid var(--line);padding:14px;"
    "font-size:16px}\n"
    ".toolbar{display:flex;gap:8px;align-items:center;margin:22px 0 10px}\n"
    ".toolbar h2{margin:0 auto 0 0}\n"
    "button{font:inherit;font-size:13px;padding:3px 12px;cursor:pointer;"
    "border:1px solid var(--line);border-radius:6px;background:#fff}\n"
    "details.finding{background:#fff;border:1px solid var(--line);"
    "border-left:5px solid var(--muted);border-radius:6px;margin:0 0 10px}\n"
    "details.sev-error{border-left-color:#cf222e}\n"
    "details.sev-warning{border-left-color:#bf8700}\n"
    "details.sev-note{border-left-color:#0969da}\n"
    "summary{cursor:pointer;padding:9px 14px}\n"
    "summary:hover{background:#f6f8fa}\n"
    "summary .num{color:var(--muted);font-size:13px}\n"
    "summary .loc{font-weight:600}\n"
    "summary .rule{color:#8250df;font-size:13px}\n"
    "summary .func{color:var(--muted);font-size:13px}\n"
    "summary .msg{display:block;margin:3px 0 0 22px}\n"
    ".sev{display:inline-block;font-size:11px;font-weight:700;color:#fff;"
    "text-transform:uppercase;padding:0 7px;border-radius:9px;"
    "background:var(--muted)}\n"
    ".sev-error.sev{background:#cf222e}.sev-warning.sev{background:#bf8700}"
    ".sev-note.sev{background:#0969da}\n"
    ".body{border-top:1px solid var(--line);padding:10px 14px 14px}\n"
    ".srchead,.listhead{font-size:13px;color:var(--muted);margin:0 0 6px}\n"
    ".srcwrap{overflow-x:auto;border:1px solid var(--line);border-radius:4px}\n"
    ".srcwrap+.listhead{margin-top:12px}\n"
    "table.src{border-collapse:collapse;width:100%;font-size:13px;"
    "line-height:1.5}\n"
    "table.src td{padding:0 8px;vertical-align:top}\n"
    "td.ln{width:1%;text-align:right;color:#8c959f;background:#f6f8fa;"
    "border-right:1px solid var(--line);user-select:none;white-space:nowrap}\n"
    "td.gut{width:1%;white-space:nowrap;padding:0 4px}\n"
    "td.code{white-space:pre}\n"
    "tr.target td{background:var(--tgt)}\n"
    "tr.step td{background:var(--step)}\n"
    "tr.step td.ln,tr.target td.ln{color:var(--fg);font-weight:700}\n"
    "tr.step td.ln{box-shadow:inset 4px 0 var(--stepedge)}\n"
    "tr.target td.ln{box-shadow:inset 4px 0 var(--tgtedge)}\n"
    "tr.note td{background:#fffbe6}\n"
    "tr.note.tgt td{background:#fff0ee}\n"
    "tr.note td.code{white-space:pre-wrap;color:#4d2d00}\n"
    "tr.note.tgt td.code{color:#82071e}\n"
    "tr.note .text{font-family:system-ui,sans-serif;font-weight:500}\n"
    ".caret{color:var(--stepedge);font-weight:700}\n"
    "tr.note.tgt .caret{color:var(--tgtedge)}\n"
    "tr.gap td{background:#eef1f4;color:#8c959f;line-height:1}\n"
    ".badge{display:inline-block;min-width:20px;padding:0 5px;margin:0 1px;"
    "border-radius:10px;background:var(--badge);color:#fff;text-align:center;"
    "font:700 11px/17px system-ui,sans-serif}\n"
    ".badge.tgt{background:var(--tgtedge)}\n"
    ".nosrc{color:var(--muted);font-style:italic;margin:0 0 8px}\n"
    "ol.steps{list-style:none;margin:0;padding:0}\n"
    "ol.steps li{padding:3px 0}\n"
    "ol.steps .loc{font-size:13px;margin:0 6px}\n";

static const char page_js[] =
    "(function(){\n"
    "var all=function(o){document.querySelectorAll('details.finding')"
    ".forEach(function(d){d.open=o;});};\n"
    "document.getElementById('expand-all').onclick=function(){all(true);};\n"
    "document.getElementById('collapse-all').onclick=function(){all(false);};\n"
    "if(/[?&]open(=|&|$)/.test(location.search)||location.hash==='#open')"
    "all(true);\n"
    "var t=location.hash&&document.getElementById(location.hash.slice(1));\n"
    "if(t&&t.tagName==='DETAILS')t.open=true;\n"
    "})();\n";

static void put_head(FILE *out, const finding_list *l, const report_info *info)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
            "<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n<title>pyrefcheck report (%zu finding%s)"
            "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>"
            "<h1>pyrefcheck report</h1>\n<p class=\"meta\">pyrefcheck ",
            l->len, l->len == 1 ? "" : "s", page_css);
    put_html(out, str_or(info->tool_version, "(unknown version)"));
    fprintf(out, " &middot; %zu finding%s", l->len, l->len == 1 ? "" : "s");
    if (info->root) {
        fputs(" &middot; root <code>", out);
        put_html(out, info->root);
        fputs("</code>", out);
    }
    fputs("</p></header>\n<main>\n", out);
}

static void put_findings(FILE *out, html_ctx *c, const finding_list *l)
{
    fputs("<div class=\"toolbar\"><h2>Findings</h2>"
          "<button type=\"button\" id=\"expand-all\">Expand all</button>"
          "<button type=\"button\" id=\"collapse-all\">Collapse all</button>"
          "</div>\n", out);
    for (size_t i = 0; i < l->len; i++)
        put_finding(out, c, &l->items[i], i + 1);
    fprintf(out, "<script>\n%s</script>\n", page_js);
}

int report_write_html(FILE *out, const finding_list *l, const report_info *info)
{
    html_ctx c = { info, NULL, 0, 0 };
    put_head(out, l, info);
    put_summary(out, l);
    if (l->len)
        put_findings(out, &c, l);
    fputs("</main>\n</body>\n</html>\n", out);
    html_ctx_free(&c);
    return (fflush(out) != 0 || ferror(out)) ? -1 : 0;
}
