/* check_tables.c - methoddef-mismatch.  A PyMethodDef entry's flags say
 * how Python calls its C function; a function with another number of
 * parameters is called wrongly (a cast only hides that from the compiler).
 * Every table must end with its all-zero sentinel. */
#include "check_tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/util.h"

/* CPython's METH_* values (Include/methodobject.h). */
enum {
    METH_VARARGS = 0x1, METH_KEYWORDS = 0x2, METH_NOARGS = 0x4, METH_O = 0x8,
    METH_CLASS = 0x10, METH_STATIC = 0x20, METH_COEXIST = 0x40,
    METH_FASTCALL = 0x80, METH_METHOD = 0x200
};

/* Calling conventions: flags (without CLASS/STATIC/COEXIST) -> the
 * parameters the function receives. */
static const struct {
    long long flags;
    int nparams;
    const char *call;
} conventions[] = {
    { METH_VARARGS, 2, "(self, args)" },
    { METH_VARARGS | METH_KEYWORDS, 3, "(self, args, kwargs)" },
    { METH_NOARGS, 2, "(self, NULL)" },
    { METH_O, 2, "(self, arg)" },
    { METH_FASTCALL, 3, "(self, args, nargs)" },
    { METH_FASTCALL | METH_KEYWORDS, 4, "(self, args, nargs, kwnames)" },
    { METH_METHOD | METH_FASTCALL | METH_KEYWORDS, 5,
      "(self, defining_class, args, nargs, kwnames)" },
};

static const char *const table_types[] = {
    [TABLE_METHODS] = "PyMethodDef", [TABLE_GETSET] = "PyGetSetDef",
    [TABLE_MEMBERS] = "PyMemberDef",
};

static void report(finding_list *out, const char *path, const char *var,
                   ir_loc loc, int rel, const char *key, char *message)
{
    finding_site at = { "methoddef-mismatch", "error", path, var, loc.line,
                        loc.col, rel, key };
    finding_report(out, &at, message);
}

static void check_entry(const def_table *t, const table_entry *e,
                        const char *path, finding_list *out)
{
    if (!e->func || !e->flags_known || e->nparams < 0)
        return;
    long long base = e->flags & ~(long long)(METH_CLASS | METH_STATIC | METH_COEXIST);
    int rel = (int)e->loc.line - (int)t->loc.line;
    for (size_t i = 0; i < sizeof conventions / sizeof conventions[0]; i++) {
        if (conventions[i].flags != base)
            continue;
        if (conventions[i].nparams == e->nparams)
            return;
        report(out, path, t->var, e->loc, rel, e->func, xasprintf(
            "'%s' is called as %s by its flags, but %s() takes %d "
            "parameter%s%s", e->name ? e->name : e->func, conventions[i].call,
            e->func, e->nparams, e->nparams == 1 ? "" : "s",
            e->cast ? " (the cast hides this from the compiler)" : ""));
        return;
    }
    report(out, path, t->var, e->loc, rel, e->func, xasprintf(
        "'%s' has flags 0x%llx, which are not a calling convention "
        "(METH_VARARGS, METH_VARARGS|METH_KEYWORDS, METH_NOARGS, METH_O, "
        "METH_FASTCALL[|METH_KEYWORDS], METH_METHOD|METH_FASTCALL|METH_KEYWORDS)",
        e->name ? e->name : e->func, e->flags));
}

void check_tables(const def_table_list *tables, const char *path,
                  finding_list *out)
{
    for (size_t i = 0; i < tables->len; i++) {
        const def_table *t = &tables->items[i];
        for (size_t k = 0; k < t->n; k++)
            if (t->kind == TABLE_METHODS)
                check_entry(t, &t->entries[k], path, out);
        if (!t->n || !t->entries[t->n - 1].sentinel)
            report(out, path, t->var, t->loc, 0, "sentinel", xasprintf(
                "%s table '%s' does not end with its all-zero sentinel "
                "entry ({NULL}); the interpreter reads past its end",
                table_types[t->kind], t->var));
    }
}
