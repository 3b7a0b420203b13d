/* report.c - owns the output formats of pyrefcheck findings: gcc-style
 * text, a JSON document and SARIF 2.1.0 (both built with jansson, never
 * escaped by hand), and the dispatch to the CI and HTML writers
 * (report_ci.c, report_html.c).
 *
 * Text: one line per finding and per trace step; control characters in
 * messages and paths are printed as spaces; a zero line or column is
 * left out.  JSON: every field as given (strings that are not UTF-8 get
 * U+FFFD for the bad bytes).
 *
 * SARIF columns: findings carry clang's columns, which count bytes.
 * SARIF 2.1.0 section 3.14.27 requires run.columnKind when there are
 * results; it is "unicodeCodePoints", and columns are converted by
 * reading the source line when the file can be read (otherwise the
 * byte column is kept: the same for ASCII lines).  A finding with line
 * 0 gets a whole-file region when the file's lines can be counted.
 *
 * SARIF paths: with info->root set, a path under the root (relative
 * paths are taken from the current directory) becomes a percent-encoded
 * URI relative to uriBaseId "SRCROOT", and run.originalUriBaseIds.SRCROOT
 * is the file:// URI of the root; other absolute paths become file://
 * URIs; relative paths without a root stay relative URI references.
 *
 * SARIF rules: one reportingDescriptor per rule id used, in order of
 * first use; its defaultConfiguration.level is the level of the first
 * finding of that rule.  A finding without a rule gets ruleId "unknown". */
#include "report_impl.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "../rules/ruleset.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_ROOT_ID "SRCROOT"
#define FINGERPRINT_KEY "pyrefcheck/v1"
#define TOOL_NAME "pyrefcheck"

/* ---- tables ---------------------------------------------------------- */

static const struct {
    const char *name;
    report_format fmt;
} format_names[] = {
    { "text", REPORT_TEXT },
    { "json", REPORT_JSON },
    { "sarif", REPORT_SARIF },
    { "github", REPORT_GITHUB },
    { "gitlab", REPORT_GITLAB },
    { "html", REPORT_HTML },
};

/* finding severity -> SARIF level; anything else is a warning, the
 * SARIF default level. */
static const struct {
    const char *severity;
    const char *level;
} level_table[] = {
    { "error", "error" },
    { "warning", "warning" },
    { "note", "note" },
};

#define GENERIC_RULE_TEXT "A reference-counting problem found by pyrefcheck."
/* SARIF requires a ruleId on every result (section 3.27.5). */
#define NO_RULE_ID "unknown"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *str_or(const char *s, const char *dflt)
{
    return s ? s : dflt;
}

int report_format_parse(const char *name, report_format *fmt)
{
    for (size_t i = 0; name && i < COUNT(format_names); i++) {
        if (strcmp(name, format_names[i].name) == 0) {
            *fmt = format_names[i].fmt;
            return 0;
        }
    }
    return -1;
}

static const char *sarif_level(const char *severity)
{
    for (size_t i = 0; severity && i < COUNT(level_table); i++)
        if (strcmp(severity, level_table[i].severity) == 0)
            return level_table[i].level;
    return "warning";
}

static int finish_stream(FILE *out)
{
    return (fflush(out) != 0 || ferror(out)) ? -1 : 0;
}

/* ---- text -------------------------------------------------------------- */

/* Print s with control characters (newline, tab, ...) as spaces so that
 * every diagnostic stays on one line. */
static void put_one_line(FILE *out, const char *s)
{
    for (; *s; s++)
        fputc(((unsigned char)*s < 0x20 || *s == 0x7f) ? ' ' : *s, out);
}

/* "FILE:LINE:COL: ", leaving out unknown (zero) line and column. */
static void put_position(FILE *out, const char *file, unsigned line,
                         unsigned col)
{
    put_one_line(out, str_or(file, "<unknown>"));
    if (line) {
        fprintf(out, ":%u", line);
        if (col)
            fprintf(out, ":%u", col);
    }
    fputs(": ", out);
}

static void text_finding(FILE *out, const finding *f)
{
    put_position(out, f->file, f->line, f->col);
    put_one_line(out, str_or(f->severity, "warning"));
    fputs(": ", out);
    put_one_line(out, str_or(f->message, ""));
    if (f->rule) {
        fputs(" [", out);
        put_one_line(out, f->rule);
        fputc(']', out);
    }
    fputc('\n', out);
    for (size_t i = 0; i < f->nsteps; i++) {
        const trace_step *s = &f->steps[i];
        put_position(out, s->file, s->line, s->col);
        fputs("note: ", out);
        put_one_line(out, str_or(s->message, ""));
        fputc('\n', out);
    }
}

static int write_text(FILE *out, const finding_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (!l->items[i].suppressed)
            text_finding(out, &l->items[i]);
    return finish_stream(out);
}

/* ---- JSON helpers -------------------------------------------------------- */

/* Copy of s with each invalid UTF-8 byte replaced by U+FFFD. */
static char *utf8_repair(const char *s)
{
    size_t len = strlen(s);
    char *out = xmalloc(len * 3 + 1), *o = out;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = utf8_char_len(p, (size_t)-1);
        if (n) {
            memcpy(o, p, n);
            o += n;
            p += n;
        } else {
            memcpy(o, "\xef\xbf\xbd", 3);
            o += 3;
            p++;
        }
    }
    *o = '\0';
    return out;
}

/* A JSON string for s (null for NULL); source text that is not valid
 * UTF-8, which jansson refuses, is repaired first. */
json_t *report_jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (!j) {
        char *fixed = utf8_repair(s);
        j = json_string(fixed);
        free(fixed);
    }
    return j;
}

/* {"text": s} - SARIF message and multiformatMessageString objects. */
static json_t *jmessage(const char *s)
{
    return json_pack("{s:o}", "text", report_jstr(str_or(s, "")));
}

int report_dump_json(FILE *out, json_t *doc)
{
    int rc = doc ? json_dumpf(doc, out, JSON_INDENT(2)) : -1;
    json_decref(doc);
    if (rc == 0 && fputc('\n', out) == EOF)
        rc = -1;
    return finish_stream(out) ? -1 : rc;
}

/* ---- JSON ---------------------------------------------------------------- */

static json_t *json_step(const trace_step *s)
{
    return json_pack("{s:o, s:I, s:I, s:o}", "file", report_jstr(s->file),
                     "line", (json_int_t)s->line, "column", (json_int_t)s->col,
                     "message", report_jstr(s->message));
}

static json_t *json_finding(const finding *f)
{
    json_t *trace = json_array();
    for (size_t i = 0; i < f->nsteps; i++)
        json_array_append_new(trace, json_step(&f->steps[i]));
    return json_pack("{s:o, s:o, s:o, s:I, s:I, s:o, s:o, s:o, s:b, s:o}",
                     "rule", report_jstr(f->rule), "severity", report_jstr(f->severity),
                     "file", report_jstr(f->file), "line", (json_int_t)f->line,
                     "column", (json_int_t)f->col,
                     "function", report_jstr(f->function),
                     "message", report_jstr(f->message),
                     "fingerprint", report_jstr(f->fingerprint),
                     "suppressed", f->suppressed, "trace", trace);
}

static int write_json(FILE *out, const finding_list *l,
                      const report_info *info)
{
    json_t *findings = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(findings, json_finding(&l->items[i]));
    json_t *doc = json_pack("{s:s, s:o, s:o}", "tool", TOOL_NAME,
                            "version", report_jstr(info->tool_version),
                            "findings", findings);
    return report_dump_json(out, doc);
}

/* ---- paths and URIs -------------------------------------------------------- */

/* Resolve "." and ".." and repeated slashes in an absolute path, in
 * place.  Each segment is written no further right than it was read. */
static void normalize_path(char *p)
{
    size_t n = 0;
    const char *in = p;
    while (*in) {
        while (*in == '/')
            in++;
        const char *seg = in;
        while (*in && *in != '/')
            in++;
        size_t len = (size_t)(in - seg);
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (n > 0 && p[--n] != '/')
                ;
            continue;
        }
        p[n++] = '/';
        memmove(p + n, seg, len);
        n += len;
    }
    if (n == 0)
        p[n++] = '/';
    p[n] = '\0';
}

/* Absolute form of path: symlinks resolved when it exists, otherwise
 * joined to the current directory and normalised lexically. */
static char *absolute_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    char *abs;
    if (path[0] == '/') {
        abs = xstrdup(path);
    } else {
        char *cwd = getcwd(NULL, 0);
        abs = xasprintf("%s/%s", cwd ? cwd : "", path);
        free(cwd);
    }
    normalize_path(abs);
    return abs;
}

/* The part of abs below directory root, or NULL if it is not below it. */
static const char *path_below(const char *abs, const char *root)
{
    size_t n = strlen(root);
    if (n > 0 && root[n - 1] == '/')
        n--; /* root is "/" */
    if (strncmp(abs, root, n) != 0 || abs[n] != '/' || abs[n + 1] == '\0')
        return NULL;
    return abs + n + 1;
}

char *report_relative_path(const char *file, const char *root)
{
    if (!file)
        return xstrdup("");
    if (!root)
        return xstrdup(file);
    char *abs = absolute_path(file), *r = absolute_path(root);
    const char *below = path_below(abs, r);
    char *out = xstrdup(below ? below : file);
    free(abs);
    free(r);
    return out;
}

/* Percent-encode s as a URI path (RFC 3986): unreserved characters and
 * '/' stay, every other byte becomes %XX. */
static char *uri_encode_path(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = xmalloc(strlen(s) * 3 + 1), *o = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

static char *file_uri(const char *abs, bool dir)
{
    char *enc = uri_encode_path(abs);
    size_t n = strlen(enc);
    char *uri = xasprintf("file://%s%s", enc,
                          dir && (n == 0 || enc[n - 1] != '/') ? "/" : "");
    free(enc);
    return uri;
}

/* ---- SARIF ----------------------------------------------------------------- */

typedef struct src_file {
    char *path;
    char *text; /* NULL when the file cannot be read */
    size_t len;
} src_file;

typedef struct sarif_ctx {
    char *root;            /* absolute root, or NULL */
    const char **rules;    /* distinct rule ids, in order of first use */
    size_t nrules, caprules;
    src_file *files;       /* source files read for column conversion */
    size_t nfiles, capfiles;
} sarif_ctx;

static const src_file *source_get(sarif_ctx *c, const char *path)
{
    for (size_t i = 0; i < c->nfiles; i++)
        if (strcmp(c->files[i].path, path) == 0)
            return &c->files[i];
    src_file f = { xstrdup(path), NULL, 0 };
    f.text = read_file(path, &f.len);
    ARRAY_PUSH(c->files, c->nfiles, c->capfiles, f);
    return &c->files[c->nfiles - 1];
}

/* Convert a 1-based byte column into a 1-based code point column. */
static unsigned code_point_column(sarif_ctx *c, const char *path,
                                  unsigned line, unsigned col)
{
    const src_file *f = path && line && col > 1 ? source_get(c, path) : NULL;
    if (!f || !f->text)
        return col;
    const char *p = f->text, *end = f->text + f->len;
    for (unsigned l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return col;
        p++;
    }
    unsigned cps = 1;
    for (unsigned i = 0; i + 1 < col; i++) {
        if (p + i >= end || p[i] == '\n')
            return cps + (col - 1 - i); /* past the line: bytes as is */
        if (((unsigned char)p[i] & 0xc0) != 0x80)
            cps++;
    }
    return cps;
}

static json_t *sarif_artifact(const sarif_ctx *c, const char *file)
{
    char *abs = c->root || file[0] == '/' ? absolute_path(file) : NULL;
    const char *rel = c->root ? path_below(abs, c->root) : NULL;
    char *uri = rel ? uri_encode_path(rel)
              : abs ? file_uri(abs, false) : uri_encode_path(file);
    json_t *art = json_pack("{s:s}", "uri", uri);
    if (rel)
        json_object_set_new(art, "uriBaseId", json_string(SARIF_ROOT_ID));
    free(uri);
    free(abs);
    return art;
}

/* Region for a finding without a line: the whole file when its lines
 * can be counted, else NULL (no region also means the whole file). */
static json_t *whole_file_region(sarif_ctx *c, const char *path)
{
    const src_file *f = source_get(c, path);
    if (!f->text || f->len == 0)
        return NULL;
    const char *end = f->text + f->len;
    json_int_t lines = end[-1] != '\n'; /* an unterminated last line */
    for (const char *p = f->text; p < end; p++)
        lines += *p == '\n';
    return json_pack("{s:i, s:I}", "startLine", 1, "endLine", lines);
}

static json_t *line_region(sarif_ctx *c, const char *path, unsigned line,
                           unsigned col)
{
    if (!line)
        return whole_file_region(c, path);
    json_t *region = json_pack("{s:I}", "startLine", (json_int_t)line);
    if (col)
        json_object_set_new(region, "startColumn", json_integer(
            code_point_column(c, path, line, col)));
    return region;
}

/* A location object; message may be NULL. */
static json_t *sarif_location(sarif_ctx *c, const char *file, unsigned line,
                              unsigned col, const char *message)
{
    json_t *loc = json_object();
    if (file) {
        json_t *phys = json_pack("{s:o}", "artifactLocation",
                                 sarif_artifact(c, file));
        json_t *region = line_region(c, file, line, col);
        if (region)
            json_object_set_new(phys, "region", region);
        json_object_set_new(loc, "physicalLocation", phys);
    }
    if (message)
        json_object_set_new(loc, "message", jmessage(message));
    return loc;
}

static json_t *sarif_code_flows(sarif_ctx *c, const finding *f)
{
    json_t *locs = json_array();
    for (size_t i = 0; i < f->nsteps; i++) {
        const trace_step *s = &f->steps[i];
        json_array_append_new(locs, json_pack("{s:o}", "location",
            sarif_location(c, s->file, s->line, s->col,
                           str_or(s->message, ""))));
    }
    return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", locs);
}

/* Index of rule id in c->rules, adding it when new. */
static size_t sarif_rule_index(sarif_ctx *c, const char *id)
{
    for (size_t i = 0; i < c->nrules; i++)
        if (strcmp(c->rules[i], id) == 0)
            return i;
    ARRAY_PUSH(c->rules, c->nrules, c->caprules, id);
    return c->nrules - 1;
}

static json_t *sarif_result(sarif_ctx *c, const finding *f)
{
    const char *rule = str_or(f->rule, NO_RULE_ID);
    json_t *res = json_pack("{s:o, s:I}", "ruleId", report_jstr(rule), "ruleIndex",
                            (json_int_t)sarif_rule_index(c, rule));
    json_object_set_new(res, "level", json_string(sarif_level(f->severity)));
    json_object_set_new(res, "message", jmessage(f->message));
    json_object_set_new(res, "locations", json_pack("[o]",
        sarif_location(c, f->file, f->line, f->col, NULL)));
    if (f->fingerprint)
        json_object_set_new(res, "partialFingerprints",
                            json_pack("{s:o}", FINGERPRINT_KEY,
                                      report_jstr(f->fingerprint)));
    if (f->nsteps)
        json_object_set_new(res, "codeFlows", sarif_code_flows(c, f));
    if (f->suppressed)
        json_object_set_new(res, "suppressions",
                            json_pack("[{s:s}]", "kind", "inSource"));
    return res;
}

/* The level of the first finding with rule id: the level the tool
 * reports the rule at. */
static const char *rule_level(const finding_list *l, const char *id)
{
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(str_or(l->items[i].rule, NO_RULE_ID), id) == 0)
            return sarif_level(l->items[i].severity);
    return "warning";
}

static json_t *sarif_rule(const finding_list *l, const char *id)
{
    const rule_info *ri = rule_info_find(id);
    json_t *rule = json_pack("{s:o}", "id", report_jstr(id));
    if (ri)
        json_object_set_new(rule, "name", json_string(ri->name));
    json_object_set_new(rule, "shortDescription",
                        jmessage(ri ? ri->text : GENERIC_RULE_TEXT));
    if (ri)
        json_object_set_new(rule, "help", jmessage(ri->help));
    json_object_set_new(rule, "defaultConfiguration",
                        json_pack("{s:s}", "level", rule_level(l, id)));
    return rule;
}

static json_t *sarif_driver(const sarif_ctx *c, const finding_list *l,
                            const report_info *info)
{
    json_t *rules = json_array();
    for (size_t i = 0; i < c->nrules; i++)
        json_array_append_new(rules, sarif_rule(l, c->rules[i]));
    json_t *driver = json_pack("{s:s}", "name", TOOL_NAME);
    if (info->tool_version)
        json_object_set_new(driver, "version", report_jstr(info->tool_version));
    json_object_set_new(driver, "rules", rules);
    return driver;
}

static json_t *sarif_run(sarif_ctx *c, const finding_list *l,
                         const report_info *info)
{
    json_t *results = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(results, sarif_result(c, &l->items[i]));
    json_t *run = json_pack("{s:{s:o}}", "tool", "driver",
                            sarif_driver(c, l, info));
    if (c->root) {
        char *uri = file_uri(c->root, true);
        json_object_set_new(run, "originalUriBaseIds", json_pack(
            "{s:{s:s}}", SARIF_ROOT_ID, "uri", uri));
        free(uri);
    }
    json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
    json_object_set_new(run, "results", results);
    return run;
}

static void sarif_ctx_free(sarif_ctx *c)
{
    for (size_t i = 0; i < c->nfiles; i++) {
        free(c->files[i].path);
        free(c->files[i].text);
    }
    free(c->files);
    free(c->rules);
    free(c->root);
}

static int write_sarif(FILE *out, const finding_list *l,
                       const report_info *info)
{
    sarif_ctx c = { 0 };
    if (info->root)
        c.root = absolute_path(info->root);
    json_t *run = sarif_run(&c, l, info);
    sarif_ctx_free(&c);
    json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA,
                            "version", "2.1.0", "runs", run);
    return report_dump_json(out, doc);
}

/* ---- entry point ------------------------------------------------------------- */

int report_write(FILE *out, report_format fmt, const finding_list *findings,
                 const report_info *info)
{
    static const finding_list no_findings = { 0 };
    static const report_info no_info = { 0 };
    const finding_list *l = findings ? findings : &no_findings;
    const report_info *i = info ? info : &no_info;
    switch (fmt) {
    case REPORT_TEXT:
        return write_text(out, l);
    case REPORT_JSON:
        return write_json(out, l, i);
    case REPORT_SARIF:
        return write_sarif(out, l, i);
    case REPORT_GITHUB:
        return report_write_github(out, l, i);
    case REPORT_GITLAB:
        return report_write_gitlab(out, l, i);
    case REPORT_HTML:
        return report_write_html(out, l, i);
    }
    return -1;
}
