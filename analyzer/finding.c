/* finding.c - finding lists, trace steps and fingerprints. */
#include "finding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void finding_add_step(finding *f, const char *file, unsigned line,
                      unsigned col, const char *message)
{
    trace_step s = { xstrdup(file), line, col, xstrdup(message) };
    ARRAY_PUSH(f->steps, f->nsteps, f->capsteps, s);
}

void finding_clear(finding *f)
{
    free(f->rule);
    free(f->severity);
    free(f->file);
    free(f->function);
    free(f->message);
    free(f->fingerprint);
    for (size_t i = 0; i < f->nsteps; i++) {
        free(f->steps[i].file);
        free(f->steps[i].message);
    }
    free(f->steps);
    memset(f, 0, sizeof *f);
}

void finding_list_push(finding_list *l, finding *f)
{
    ARRAY_PUSH(l->items, l->len, l->cap, *f);
    memset(f, 0, sizeof *f);
}

void finding_list_free(finding_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        finding_clear(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

size_t finding_list_count_unsuppressed(const finding_list *l)
{
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        n += !l->items[i].suppressed;
    return n;
}

static int strcmp_null(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int finding_cmp(const void *pa, const void *pb)
{
    const finding *a = pa, *b = pb;
    int c = strcmp_null(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return strcmp_null(a->rule, b->rule);
}

void finding_list_sort(finding_list *l)
{
    if (l->len > 1)
        qsort(l->items, l->len, sizeof *l->items, finding_cmp);
}

void finding_set_fingerprint(finding *f, int rel_line, const char *key)
{
    const char *base = f->file ? strrchr(f->file, '/') : NULL;
    base = base ? base + 1 : (f->file ? f->file : "");
    char *text = xasprintf("%s\n%s\n%s\n%d\n%s", f->rule ? f->rule : "",
                           base, f->function ? f->function : "", rel_line,
                           key ? key : "");
    char hex[17];
    hash_hex(text, strlen(text), hex);
    free(text);
    free(f->fingerprint);
    f->fingerprint = xstrdup(hex);
}

void finding_report(finding_list *l, const finding_site *at, char *message)
{
    finding fd;
    memset(&fd, 0, sizeof fd);
    fd.rule = xstrdup(at->rule);
    fd.severity = xstrdup(at->severity);
    fd.file = xstrdup(at->file);
    fd.line = at->line;
    fd.col = at->col;
    fd.function = xstrdup(at->function);
    fd.message = message;
    finding_set_fingerprint(&fd, at->rel_line, at->key);
    finding_list_push(l, &fd);
}
