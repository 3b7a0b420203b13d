/* suppress.c - finding and applying "pyrefcheck: ignore[...]" comments. */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "../rules/ruleset.h"

#define MARK "pyrefcheck: ignore"

/* Is the mark at p inside a comment that starts earlier on its line? */
static bool in_comment(const char *line_start, const char *p)
{
    for (const char *q = line_start; q + 1 < p; q++)
        if (q[0] == '/' && (q[1] == '/' || q[1] == '*'))
            return true;
    return false;
}

static int check_ids(const char *path, unsigned line, const char *ids,
                     char *err, size_t errlen)
{
    char *copy = xstrdup(ids), *save = NULL;
    int rc = 0;
    for (char *w = strtok_r(copy, ", \t", &save); w;
         w = strtok_r(NULL, ", \t", &save))
        if (!rule_info_find(w)) {
            snprintf(err, errlen, "%s:%u: unknown rule '%s' in suppression",
                     path, line, w);
            rc = -1;
            break;
        }
    free(copy);
    return rc;
}

/* Parse the mark at p (on line) into a suppression. */
static int parse_mark(const char *path, unsigned line, const char *p,
                      suppression_list *out, char *err, size_t errlen)
{
    p += strlen(MARK);
    suppression s = { line, NULL, false };
    if (*p == '[') {
        const char *close = strchr(p, ']');
        const char *nl = strchr(p, '\n');
        if (!close || (nl && close > nl)) {
            snprintf(err, errlen, "%s:%u: unclosed '[' in suppression", path, line);
            return -1;
        }
        s.rules = xstrndup(p + 1, (size_t)(close - p - 1));
        if (check_ids(path, line, s.rules, err, errlen)) {
            free(s.rules);
            return -1;
        }
    }
    ARRAY_PUSH(out->items, out->len, out->cap, s);
    return 0;
}

int suppress_scan(const char *path, const char *text, suppression_list *out,
                  char *err, size_t errlen)
{
    unsigned line = 1;
    const char *line_start = text;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            line_start = p + 1;
        } else if (*p == 'p' && !strncmp(p, MARK, strlen(MARK)) &&
                   in_comment(line_start, p) &&
                   parse_mark(path, line, p, out, err, errlen)) {
            return -1;
        }
    }
    return 0;
}

static bool lists_rule(const char *rules, const char *rule)
{
    if (!rules)
        return true;
    size_t n = strlen(rule);
    for (const char *p = rules; (p = strstr(p, rule)) != NULL; p += n) {
        bool start = p == rules || p[-1] == ',' || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

void suppress_apply(suppression_list *sl, finding_list *findings)
{
    for (size_t i = 0; i < findings->len; i++) {
        finding *f = &findings->items[i];
        for (size_t k = 0; k < sl->len; k++) {
            suppression *s = &sl->items[k];
            if ((s->line == f->line || s->line + 1 == f->line) &&
                lists_rule(s->rules, f->rule)) {
                f->suppressed = true;
                s->used = true;
            }
        }
    }
}

void suppress_free(suppression_list *sl)
{
    for (size_t i = 0; i < sl->len; i++)
        free(sl->items[i].rules);
    free(sl->items);
    memset(sl, 0, sizeof *sl);
}
