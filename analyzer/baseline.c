/* baseline.c - fingerprint sets and the baseline text file. */
#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define HEADER "# pyrefcheck baseline 1"

static void add_fp(baseline *b, const char *fp, size_t len)
{
    char *copy = xstrndup(fp, len);
    ARRAY_PUSH(b->fps, b->n, b->cap, copy);
}

static void finish(baseline *b)
{
    if (b->n > 1)
        qsort(b->fps, b->n, sizeof *b->fps, cmp_strptr);
}

void baseline_from_findings(baseline *b, const finding_list *fl)
{
    for (size_t i = 0; i < fl->len; i++)
        if (fl->items[i].fingerprint && !fl->items[i].suppressed)
            add_fp(b, fl->items[i].fingerprint, strlen(fl->items[i].fingerprint));
    finish(b);
}

static bool is_fingerprint(const char *s, size_t len)
{
    if (len != 16)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!strchr("0123456789abcdef", s[i]))
            return false;
    return true;
}

int baseline_read(baseline *b, const char *path, char *err, size_t errlen)
{
    char *text = read_file(path, NULL);
    if (!text) {
        snprintf(err, errlen, "%s: cannot read the baseline file: %s", path,
                 strerror(errno));
        return -1;
    }
    unsigned lineno = 0;
    int rc = 0;
    for (char *line = text, *next; line && *line && rc == 0; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        size_t len = strcspn(line, "\t\r");
        if (!is_fingerprint(line, len)) {
            snprintf(err, errlen, "%s:%u: not a fingerprint (16 hex digits)",
                     path, lineno);
            rc = -1;
        } else {
            add_fp(b, line, len);
        }
    }
    free(text);
    finish(b);
    return rc;
}

/* Tabs and newlines would break the line format. */
static void put_field(FILE *f, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

int baseline_write(const finding_list *fl, const char *path, char *err,
                   size_t errlen)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "%s: cannot write the baseline file: %s", path,
                 strerror(errno));
        return -1;
    }
    fprintf(f, "%s\n", HEADER);
    for (size_t i = 0; i < fl->len; i++) {
        const finding *fd = &fl->items[i];
        if (fd->suppressed || !fd->fingerprint)
            continue;
        fprintf(f, "%s\t", fd->fingerprint);
        put_field(f, fd->rule);
        fputc('\t', f);
        put_field(f, fd->file);
        fputc('\t', f);
        put_field(f, fd->message);
        fputc('\n', f);
    }
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        snprintf(err, errlen, "%s: cannot write the baseline file", path);
        return -1;
    }
    return 0;
}

bool baseline_contains(const baseline *b, const char *fingerprint)
{
    return fingerprint && b->n &&
           bsearch(&fingerprint, b->fps, b->n, sizeof *b->fps, cmp_strptr);
}

void baseline_mark(const baseline *b, finding_list *fl)
{
    for (size_t i = 0; i < fl->len; i++)
        fl->items[i].baselined = baseline_contains(b, fl->items[i].fingerprint);
}

void baseline_free(baseline *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->fps[i]);
    free(b->fps);
    memset(b, 0, sizeof *b);
}
