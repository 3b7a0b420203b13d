/* checkers.c - the checkers the engine runs on each path, one function per
 * rule id, and the table that names them.  A checker reads the engine's
 * view of the path (engine.h) and reports; it never sees libclang. */
#include <stdio.h>
#include <stdlib.h>

#include "../analyzer/engine.h"
#include "../analyzer/util.h"

/* ref-leak: when the function returns, an object still owns references
 * that were neither released, returned, nor handed over. */
static void check_ref_leak(checker_ctx *cx, engine_event_kind ev)
{
    if (ev != EV_RETURN)
        return;
    const ir_func *f = checker_func(cx);
    const cfg_block *b = checker_block(cx);
    int ret = checker_return_value(cx);
    for (size_t i = 0; i < checker_value_count(cx); i++) {
        const ref_value *v = checker_value(cx, i);
        if (!v->tracked || v->escaped || v->null == NULL_YES)
            continue;
        int allowed = (int)i == ret && !f->returns_int ? 1 : 0;
        if (v->owned <= allowed)
            continue;
        const char *var = v->name_var >= 0 ? f->vars[v->name_var].name : NULL;
        char *what = v->origin_api
                         ? xasprintf("new reference from %s()", v->origin_api)
                         : xasprintf("reference added at line %u", v->origin.line);
        char *held = var ? xasprintf(" held in '%s'", var) : xstrdup("");
        char *msg = xasprintf("%s%s is leaked: it is not released on the path "
                              "that returns at line %u",
                              what, held, b->term_loc.line);
        /* one finding per origin: API, variable, position in the function */
        char *key = xasprintf("%s:%s:%d:%u",
                              v->origin_api ? v->origin_api : "incref",
                              var ? var : "",
                              (int)v->origin.line - (int)f->loc.line,
                              v->origin.col);
        checker_report(cx, "ref-leak", "warning", v->origin, (int)i, key, msg);
        free(what);
        free(held);
        free(msg);
        free(key);
    }
}

const checker engine_checkers[] = {
    { "ref-leak", check_ref_leak },
    { NULL, NULL },
};
