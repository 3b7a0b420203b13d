/* corpus_runner.c - runs pyrefcheck over the annotated corpus and compares
 * its findings with the expectations written in each file.
 *
 * Annotations, in the spirit of clang -verify:
 *   // expected-warning{{ref-leak}}        a finding of that rule on this line
 *   // expected-warning@+2{{ref-leak}}     ... two lines below (or @-1 above)
 *   // expected-no-diagnostics             the file must produce no finding
 * A file with neither is an error: every case states what it expects.
 *
 * The runner invokes the real binary once on the corpus directory with
 * `scan --format json` into a temporary database, matches findings to
 * expectations by (file, line, rule), prints every mismatch, a per-rule
 * precision/recall table and an "N passed, N failed" line (one per file),
 * and exits non-zero on any mismatch. */
#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../analyzer/util.h"

typedef struct expect {
    char *file;
    unsigned line;
    char *rule;
    bool matched;
} expect;

typedef struct corpus_file {
    char *path;
    bool no_diagnostics;
    size_t nexpect;
    bool failed;
} corpus_file;

typedef struct corpus {
    corpus_file *files;
    size_t nfiles, capfiles;
    expect *exp;
    size_t nexp, capexp;
} corpus;

typedef struct rule_score {
    char *rule;
    unsigned tp, fp, fn;
} rule_score;

typedef struct scores {
    rule_score *items;
    size_t len, cap;
} scores;

static rule_score *score_for(scores *s, const char *rule)
{
    for (size_t i = 0; i < s->len; i++)
        if (!strcmp(s->items[i].rule, rule))
            return &s->items[i];
    rule_score r = { xstrdup(rule), 0, 0, 0 };
    ARRAY_PUSH(s->items, s->len, s->cap, r);
    return &s->items[s->len - 1];
}

/* ---- reading expectations ---- */

static void parse_expect_line(corpus *c, corpus_file *cf, const char *line,
                              unsigned lineno)
{
    const char *p = line;
    if (strstr(line, "expected-no-diagnostics"))
        cf->no_diagnostics = true;
    while ((p = strstr(p, "expected-warning")) != NULL) {
        p += strlen("expected-warning");
        long offset = 0;
        if (*p == '@') {
            char *end;
            offset = strtol(p + 1, &end, 10);
            p = end;
        }
        const char *open = strstr(p, "{{"), *close = open ? strstr(open, "}}") : NULL;
        if (!open || !close)
            break;
        expect e = { xstrdup(cf->path), (unsigned)((long)lineno + offset),
                     xstrndup(open + 2, (size_t)(close - open - 2)), false };
        ARRAY_PUSH(c->exp, c->nexp, c->capexp, e);
        cf->nexpect++;
        p = close + 2;
    }
}

static int read_expectations(corpus *c, const char *path)
{
    char *text = read_file(path, NULL);
    if (!text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return -1;
    }
    corpus_file cf = { xstrdup(path), false, 0, false };
    unsigned lineno = 1;
    for (char *line = text; line && *line; lineno++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        parse_expect_line(c, &cf, line, lineno);
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    ARRAY_PUSH(c->files, c->nfiles, c->capfiles, cf);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot open corpus directory\n", dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        ARRAY_PUSH(names, n, cap, p);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        size_t len = strlen(names[i]);
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc |= collect(c, names[i]);
        else if (len > 2 && !strcmp(names[i] + len - 2, ".c"))
            rc |= read_expectations(c, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* ---- running pyrefcheck ---- */

static json_t *run_scan(const char *binary, const char *dir, const char *db,
                        int *status)
{
    char *cmd = xasprintf("'%s' scan --format json --db '%s' '%s'", binary, db, dir);
    FILE *p = popen(cmd, "r");
    free(cmd);
    if (!p)
        return NULL;
    json_error_t jerr;
    json_t *doc = json_loadf(p, 0, &jerr);
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (!doc)
        fprintf(stderr, "corpus: pyrefcheck output is not JSON: %s\n", jerr.text);
    return doc;
}

static corpus_file *file_for(corpus *c, const char *path)
{
    for (size_t i = 0; i < c->nfiles; i++)
        if (!strcmp(c->files[i].path, path))
            return &c->files[i];
    return NULL;
}

static void match_finding(corpus *c, scores *s, json_t *fd)
{
    const char *file = json_string_value(json_object_get(fd, "file"));
    const char *rule = json_string_value(json_object_get(fd, "rule"));
    unsigned line = (unsigned)json_integer_value(json_object_get(fd, "line"));
    const char *msg = json_string_value(json_object_get(fd, "message"));
    if (!file || !rule)
        return;
    for (size_t i = 0; i < c->nexp; i++) {
        expect *e = &c->exp[i];
        if (!e->matched && e->line == line && !strcmp(e->rule, rule) &&
            !strcmp(e->file, file)) {
            e->matched = true;
            score_for(s, rule)->tp++;
            return;
        }
    }
    score_for(s, rule)->fp++;
    corpus_file *cf = file_for(c, file);
    if (cf)
        cf->failed = true;
    printf("%s:%u: unexpected %s: %s\n", file, line, rule, msg ? msg : "");
}

static void report_missing(corpus *c, scores *s)
{
    for (size_t i = 0; i < c->nexp; i++) {
        expect *e = &c->exp[i];
        if (e->matched)
            continue;
        score_for(s, e->rule)->fn++;
        corpus_file *cf = file_for(c, e->file);
        if (cf)
            cf->failed = true;
        printf("%s:%u: missing %s\n", e->file, e->line, e->rule);
    }
}

static void print_table(const scores *s)
{
    printf("\n%-28s %5s %5s %5s %10s %8s\n", "rule", "TP", "FP", "FN",
           "precision", "recall");
    for (size_t i = 0; i < s->len; i++) {
        const rule_score *r = &s->items[i];
        double prec = r->tp + r->fp ? 100.0 * r->tp / (r->tp + r->fp) : 100.0;
        double rec = r->tp + r->fn ? 100.0 * r->tp / (r->tp + r->fn) : 100.0;
        printf("%-28s %5u %5u %5u %9.1f%% %7.1f%%\n", r->rule, r->tp, r->fp,
               r->fn, prec, rec);
    }
}

static int check_declarations(corpus *c)
{
    int bad = 0;
    for (size_t i = 0; i < c->nfiles; i++) {
        corpus_file *cf = &c->files[i];
        if (!cf->nexpect && !cf->no_diagnostics) {
            printf("%s: states no expectation (add expected-warning or "
                   "expected-no-diagnostics)\n", cf->path);
            cf->failed = true;
            bad = 1;
        } else if (cf->nexpect && cf->no_diagnostics) {
            printf("%s: has both expectations and expected-no-diagnostics\n",
                   cf->path);
            cf->failed = true;
            bad = 1;
        }
    }
    return bad;
}

static void corpus_free(corpus *c, scores *s)
{
    for (size_t i = 0; i < c->nfiles; i++)
        free(c->files[i].path);
    free(c->files);
    for (size_t i = 0; i < c->nexp; i++) {
        free(c->exp[i].file);
        free(c->exp[i].rule);
    }
    free(c->exp);
    for (size_t i = 0; i < s->len; i++)
        free(s->items[i].rule);
    free(s->items);
}

int main(int argc, char **argv)
{
    if (argc != 4 || strcmp(argv[1], "--pyrefcheck")) {
        fprintf(stderr, "usage: corpus_runner --pyrefcheck BINARY CORPUS-DIR\n");
        return 2;
    }
    corpus c;
    scores s;
    memset(&c, 0, sizeof c);
    memset(&s, 0, sizeof s);
    if (collect(&c, argv[3]) != 0 || c.nfiles == 0) {
        corpus_free(&c, &s);
        fprintf(stderr, "corpus: no cases found in %s\n", argv[3]);
        return 2;
    }
    char dbdir[] = "/tmp/pyrefcheck-corpus-XXXXXX";
    if (!mkdtemp(dbdir)) {
        perror("mkdtemp");
        return 2;
    }
    char *db = xasprintf("%s/findings.db", dbdir);
    int status = -1;
    json_t *doc = run_scan(argv[2], argv[3], db, &status);
    int failed = check_declarations(&c);
    if (!doc || status < 0 || status > 1) {
        printf("corpus: pyrefcheck scan failed (exit status %d)\n", status);
        failed = 1;
    }
    size_t i;
    json_t *fd;
    json_array_foreach(json_object_get(doc, "findings"), i, fd)
        match_finding(&c, &s, fd);
    report_missing(&c, &s);
    print_table(&s);
    size_t nfail = 0;
    for (i = 0; i < c.nfiles; i++)
        nfail += c.files[i].failed;
    printf("corpus: %zu passed, %zu failed\n", c.nfiles - nfail, nfail);
    json_decref(doc);
    char *cleanup = xasprintf("rm -rf '%s'", dbdir);
    if (system(cleanup) != 0)
        fprintf(stderr, "corpus: could not remove %s\n", dbdir);
    free(cleanup);
    free(db);
    corpus_free(&c, &s);
    return failed || nfail ? 1 : 0;
}
