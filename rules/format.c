/* format.c - format units of PyArg_Parse* and Py_BuildValue formats, as
 * tables, and the walk that maps a format string to the roles of the C
 * arguments that follow it.  Facts from CPython's "Parsing arguments and
 * building values" reference. */
#include "format.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* One format unit: its spelling and the roles of the C arguments it takes
 * (at most three). */
typedef struct format_unit {
    const char *unit;
    format_arg args[3];
    int nargs;
    const char *types[3];   /* expected C type of each argument (see
                               format_type_ok) */
} format_unit;

#define V FARG_VALUE
#define X FARG_OTHER

/* Longest spellings first: the walk takes the first unit that matches. */
static const format_unit parse_units[] = {
    { "es#", { X, X, V }, 3, { "char *", "char **", "long *" } }, { "et#", { X, X, V }, 3 , { "char *", "char **", "long *" } },
    { "es", { X, X }, 2, { "char *", "char **" } }, { "et", { X, X }, 2 , { "char *", "char **" } },
    { "s*", { X }, 1, { "ptr" } }, { "s#", { V, V }, 2 , { "char **", "long *" } }, { "z*", { X }, 1 , { "ptr" } },
    { "z#", { V, V }, 2, { "char **", "long *" } }, { "y*", { X }, 1 , { "ptr" } }, { "y#", { V, V }, 2 , { "char **", "long *" } },
    { "w*", { X }, 1, { "ptr" } }, { "u#", { V, V }, 2 , { "ptr", "long *" } }, { "Z#", { V, V }, 2 , { "ptr", "long *" } },
    { "O!", { FARG_TYPE, FARG_OBJECT_OUT }, 2, { "ptr", "objptr" } },
    { "O&", { FARG_CONVERTER, X }, 2, { "fn", "ptr" } },
    { "O", { FARG_OBJECT_OUT }, 1, { "objptr" } }, { "S", { FARG_OBJECT_OUT }, 1 , { "objptr" } },
    { "Y", { FARG_OBJECT_OUT }, 1, { "objptr" } }, { "U", { FARG_OBJECT_OUT }, 1 , { "objptr" } },
    { "s", { V }, 1, { "char **" } }, { "z", { V }, 1 , { "char **" } }, { "y", { V }, 1 , { "char **" } }, { "u", { V }, 1 , { "ptr" } },
    { "Z", { V }, 1, { "ptr" } }, { "b", { V }, 1 , { "char *" } }, { "B", { V }, 1 , { "unsigned char *" } }, { "h", { V }, 1 , { "short *" } },
    { "H", { V }, 1, { "unsigned short *" } }, { "i", { V }, 1 , { "int *" } }, { "I", { V }, 1 , { "unsigned int *" } }, { "l", { V }, 1 , { "long *" } },
    { "k", { V }, 1, { "unsigned long *" } }, { "L", { V }, 1 , { "long long *" } }, { "K", { V }, 1 , { "unsigned long long *" } }, { "n", { V }, 1 , { "long *" } },
    { "c", { V }, 1, { "char *" } }, { "C", { V }, 1 , { "int *" } }, { "f", { V }, 1 , { "float *" } }, { "d", { V }, 1 , { "double *" } },
    { "D", { V }, 1, { "ptr" } }, { "p", { V }, 1 , { "int *" } },
    { NULL, { V }, 0, { NULL } }
};

static const format_unit build_units[] = {
    { "s#", { V, V }, 2, { "char *", "long" } }, { "z#", { V, V }, 2 , { "char *", "long" } }, { "u#", { V, V }, 2 , { "ptr", "long" } },
    { "U#", { V, V }, 2, { "char *", "long" } }, { "y#", { V, V }, 2 , { "char *", "long" } },
    { "O&", { FARG_CONVERTER, X }, 2, { "fn", "ptr" } },
    { "O", { FARG_OBJECT_IN }, 1, { "obj" } }, { "S", { FARG_OBJECT_IN }, 1 , { "obj" } },
    { "N", { FARG_OBJECT_STEAL }, 1, { "obj" } },
    { "s", { V }, 1, { "char *" } }, { "z", { V }, 1 , { "char *" } }, { "u", { V }, 1 , { "ptr" } }, { "U", { V }, 1 , { "char *" } },
    { "y", { V }, 1, { "char *" } }, { "i", { V }, 1 , { "int" } }, { "b", { V }, 1 , { "int" } }, { "h", { V }, 1 , { "int" } },
    { "l", { V }, 1, { "long" } }, { "B", { V }, 1 , { "int" } }, { "H", { V }, 1 , { "int" } }, { "I", { V }, 1 , { "unsigned int" } },
    { "k", { V }, 1, { "unsigned long" } }, { "L", { V }, 1 , { "long long" } }, { "K", { V }, 1 , { "unsigned long long" } }, { "n", { V }, 1 , { "long" } },
    { "c", { V }, 1, { "int" } }, { "C", { V }, 1 , { "int" } }, { "d", { V }, 1 , { "double" } }, { "f", { V }, 1 , { "double" } },
    { "D", { V }, 1, { "ptr" } }, { "p", { V }, 1 , { "int" } },
    { NULL, { V }, 0, { NULL } }
};

#undef V
#undef X

/* Characters that structure a format but take no argument. */
static const char parse_marks[] = "()|$";
static const char build_marks[] = "()[]{}:, \t";
static const char open_brackets[] = "([{";
static const char close_brackets[] = ")]}";

static const format_unit *match_unit(const format_unit *table, const char *p)
{
    for (const format_unit *u = table; u->unit; u++)
        if (!strncmp(p, u->unit, strlen(u->unit)))
            return u;
    return NULL;
}

/* Bracket nesting check; returns false on a mismatch. */
static bool track_bracket(char c, char *stack, size_t *depth)
{
    const char *o = strchr(open_brackets, c), *cl = strchr(close_brackets, c);
    if (c && o) {
        if (*depth >= 32)
            return false;
        stack[(*depth)++] = c;
    } else if (c && cl) {
        if (*depth == 0 || stack[*depth - 1] != open_brackets[cl - close_brackets])
            return false;
        (*depth)--;
    }
    return true;
}

int format_walk(format_kind kind, const char *fmt, format_arg *args,
                size_t max, char *err, size_t errlen)
{
    return format_walk_typed(kind, fmt, args, NULL, NULL, max, err, errlen);
}

static int walk(format_kind kind, const char *fmt, format_arg *args,
                const char **types, const char **units, size_t *nunits,
                size_t max, char *err, size_t errlen)
{
    const format_unit *table = kind == FORMAT_PARSE ? parse_units : build_units;
    const char *marks = kind == FORMAT_PARSE ? parse_marks : build_marks;
    char stack[32];
    size_t depth = 0, n = 0;
    bool optional = false;
    for (const char *p = fmt; *p; ) {
        if (kind == FORMAT_PARSE && (*p == ':' || *p == ';'))
            break;   /* the rest is the function name or error message */
        if (kind == FORMAT_PARSE && *p == '|')
            optional = true;
        if (strchr(marks, *p)) {
            if (!track_bracket(*p, stack, &depth)) {
                snprintf(err, errlen, "unbalanced '%c' in format \"%s\"", *p, fmt);
                return -1;
            }
            p++;
            continue;
        }
        const format_unit *u = match_unit(table, p);
        if (!u) {
            snprintf(err, errlen, "unknown format unit '%c' in \"%s\"", *p, fmt);
            return -1;
        }
        for (int i = 0; i < u->nargs; i++, n++) {
            if (n >= max)
                continue;
            args[n] = optional && u->args[i] == FARG_OBJECT_OUT
                          ? FARG_OBJECT_OPT : u->args[i];
            if (types)
                types[n] = u->types[i];
            if (units)
                units[n] = u->unit;
        }
        if (nunits)
            (*nunits)++;
        p += strlen(u->unit);
    }
    if (depth) {
        snprintf(err, errlen, "unclosed '%c' in format \"%s\"", stack[depth - 1], fmt);
        return -1;
    }
    return (int)n;
}

int format_walk_typed(format_kind kind, const char *fmt, format_arg *args,
                      const char **types, size_t *nunits, size_t max,
                      char *err, size_t errlen)
{
    return walk(kind, fmt, args, types, NULL, nunits, max, err, errlen);
}

int format_walk_units(format_kind kind, const char *fmt, format_arg *args,
                      const char **units, size_t max)
{
    char err[128];
    return walk(kind, fmt, args, NULL, units, NULL, max, err, sizeof err);
}

bool format_builds_container(const char *fmt)
{
    size_t depth = 0, items = 0;
    bool bracketed = false;
    for (const char *p = fmt; *p; ) {
        if (strchr(open_brackets, *p)) {
            items += depth == 0;
            bracketed = depth == 0 ? true : bracketed;
            depth++;
            p++;
        } else if (strchr(close_brackets, *p)) {
            depth -= depth > 0;
            p++;
        } else if (strchr(build_marks, *p)) {
            p++;
        } else {
            const format_unit *u = match_unit(build_units, p);
            if (!u)
                return false;   /* not a format this walk knows */
            items += depth == 0;
            p += strlen(u->unit);
        }
    }
    return items > 1 || (items == 1 && bracketed);
}

/* Drop "unsigned " and "signed ": a sign difference is harmless here. */
static void unsigned_free(const char *in, char *out, size_t outlen)
{
    size_t o = 0;
    while (*in && o + 1 < outlen) {
        if (!strncmp(in, "unsigned ", 9)) {
            in += 9;
            continue;
        }
        if (!strncmp(in, "signed ", 7)) {
            in += 7;
            continue;
        }
        out[o++] = *in++;
    }
    out[o] = '\0';
}

bool format_type_ok(const char *expected, const char *actual)
{
    if (!expected || !actual || !*expected)
        return true;
    size_t n = strlen(actual);
    bool pointer = n && actual[n - 1] == '*';
    size_t ne = strlen(expected);
    if (!strcmp(actual, "void *") && ne && expected[ne - 1] == '*')
        return true;   /* NULL, or a void pointer: the compiler's business */
    if (!strcmp(expected, "ptr") || !strcmp(expected, "obj"))
        return pointer || strstr(actual, "(*)") != NULL;
    if (!strcmp(expected, "objptr"))
        return n >= 2 && !strcmp(actual + n - 2, "**");
    if (!strcmp(expected, "fn"))
        return strstr(actual, "(*)") != NULL || strchr(actual, '(') != NULL;
    char a[256], e[256];
    unsigned_free(actual, a, sizeof a);
    unsigned_free(expected, e, sizeof e);
    if (!strcmp(e, "int") && !strncmp(actual, "enum ", 5))
        return true;
    return !strcmp(a, e);
}
