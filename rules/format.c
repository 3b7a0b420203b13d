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
} format_unit;

#define V FARG_VALUE
#define X FARG_OTHER

/* Longest spellings first: the walk takes the first unit that matches. */
static const format_unit parse_units[] = {
    { "es#", { X, X, V }, 3 }, { "et#", { X, X, V }, 3 },
    { "es", { X, X }, 2 }, { "et", { X, X }, 2 },
    { "s*", { X }, 1 }, { "s#", { V, V }, 2 }, { "z*", { X }, 1 },
    { "z#", { V, V }, 2 }, { "y*", { X }, 1 }, { "y#", { V, V }, 2 },
    { "w*", { X }, 1 }, { "u#", { V, V }, 2 }, { "Z#", { V, V }, 2 },
    { "O!", { FARG_TYPE, FARG_OBJECT_OUT }, 2 },
    { "O&", { FARG_CONVERTER, X }, 2 },
    { "O", { FARG_OBJECT_OUT }, 1 }, { "S", { FARG_OBJECT_OUT }, 1 },
    { "Y", { FARG_OBJECT_OUT }, 1 }, { "U", { FARG_OBJECT_OUT }, 1 },
    { "s", { V }, 1 }, { "z", { V }, 1 }, { "y", { V }, 1 }, { "u", { V }, 1 },
    { "Z", { V }, 1 }, { "b", { V }, 1 }, { "B", { V }, 1 }, { "h", { V }, 1 },
    { "H", { V }, 1 }, { "i", { V }, 1 }, { "I", { V }, 1 }, { "l", { V }, 1 },
    { "k", { V }, 1 }, { "L", { V }, 1 }, { "K", { V }, 1 }, { "n", { V }, 1 },
    { "c", { V }, 1 }, { "C", { V }, 1 }, { "f", { V }, 1 }, { "d", { V }, 1 },
    { "D", { V }, 1 }, { "p", { V }, 1 },
    { NULL, { V }, 0 }
};

static const format_unit build_units[] = {
    { "s#", { V, V }, 2 }, { "z#", { V, V }, 2 }, { "u#", { V, V }, 2 },
    { "U#", { V, V }, 2 }, { "y#", { V, V }, 2 },
    { "O&", { FARG_CONVERTER, X }, 2 },
    { "O", { FARG_OBJECT_IN }, 1 }, { "S", { FARG_OBJECT_IN }, 1 },
    { "N", { FARG_OBJECT_STEAL }, 1 },
    { "s", { V }, 1 }, { "z", { V }, 1 }, { "u", { V }, 1 }, { "U", { V }, 1 },
    { "y", { V }, 1 }, { "i", { V }, 1 }, { "b", { V }, 1 }, { "h", { V }, 1 },
    { "l", { V }, 1 }, { "B", { V }, 1 }, { "H", { V }, 1 }, { "I", { V }, 1 },
    { "k", { V }, 1 }, { "L", { V }, 1 }, { "K", { V }, 1 }, { "n", { V }, 1 },
    { "c", { V }, 1 }, { "C", { V }, 1 }, { "d", { V }, 1 }, { "f", { V }, 1 },
    { "D", { V }, 1 }, { "p", { V }, 1 },
    { NULL, { V }, 0 }
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
        for (int i = 0; i < u->nargs; i++, n++)
            if (n < max)
                args[n] = optional && u->args[i] == FARG_OBJECT_OUT
                              ? FARG_OBJECT_OPT : u->args[i];
        p += strlen(u->unit);
    }
    if (depth) {
        snprintf(err, errlen, "unclosed '%c' in format \"%s\"", stack[depth - 1], fmt);
        return -1;
    }
    return (int)n;
}
