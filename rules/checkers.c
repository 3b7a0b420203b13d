/* checkers.c - the reference checkers the engine runs on each path, one
 * function per rule id, and the table that names them.  A checker reads the
 * engine's view of the path (engine.h) at an event and reports; it never
 * sees libclang, and it names no API function: what a call does comes from
 * the rules data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/engine.h"
#include "../analyzer/util.h"

/* "'name'" or a description of an unnamed value; caller frees. */
static char *describe(checker_ctx *cx, int v)
{
    const char *name = checker_value_name(cx, v);
    const ref_value *rv = checker_value(cx, (size_t)v);
    if (name)
        return xasprintf("'%s'", name);
    if (rv->origin_api)
        return xasprintf("the result of %s()", rv->origin_api);
    return xstrdup("the object");
}

static ir_loc event_loc(checker_ctx *cx)
{
    const ir_insn *in = checker_insn(cx);
    return in ? in->loc : checker_block(cx)->term_loc;
}

/* Report with a key made of the rule's own words and the relative position,
 * so that fingerprints survive edits elsewhere in the file. */
static void report_as(checker_ctx *cx, const char *rule, const char *severity,
                      int from_event, const char *what, char *message)
{
    const ir_func *f = checker_func(cx);
    ir_loc loc = event_loc(cx);
    char *key = xasprintf("%s:%d:%u", what, (int)loc.line - (int)f->loc.line,
                          loc.col);
    checker_report(cx, rule, severity, loc, from_event, key, message);
    free(key);
    free(message);
}

static void report(checker_ctx *cx, const char *rule, int from_event,
                   const char *what, char *message)
{
    report_as(cx, rule, "warning", from_event, what, message);
}

/* ---- ref-leak ---- */

/* second_returned: the leak is of a second reference to the returned
 * object, which callers may own (the summary's two_refs). */
static void report_leak(checker_ctx *cx, size_t i, const ref_value *v,
                        bool second_returned)
{
    const ir_func *f = checker_func(cx);
    const cfg_block *b = checker_block(cx);
    const char *var = checker_value_name(cx, (int)i);
    char *what = v->from_caller
                     ? xstrdup("reference taken over from the caller")
                 : v->type_ref
                     ? xasprintf("reference to the heap type of the object "
                                 "freed at line %u", v->origin.line)
                 : v->origin_api
                     ? xasprintf("new reference from %s()", v->origin_api)
                 : v->kind == REF_HELD
                     ? xasprintf("reference taken out of a field at line %u",
                                 v->origin.line)
                 : v->slot_taken
                     ? xasprintf("reference taken out of a container slot at "
                                 "line %u", v->origin.line)
                     : xasprintf("reference added at line %u", v->origin.line);
    char *held = var ? xasprintf(" held in '%s'", var) : xstrdup("");
    char *assumed = v->assumed
                        ? xasprintf(" (assuming %s(), which the rules do not "
                                    "describe, returns a new reference)",
                                    v->origin_api)
                        : xstrdup("");
    char *msg = xasprintf("%s%s is leaked: it is not released on the path "
                          "that returns at line %u%s",
                          what, held, b->term_loc.line, assumed);
    /* one finding per origin: API, variable, position in the function */
    char *key = xasprintf("%s:%s:%d:%u", v->origin_api ? v->origin_api : "incref",
                          var ? var : "", (int)v->origin.line - (int)f->loc.line,
                          v->origin.col);
    if (second_returned)
        checker_report_unless_two_refs(cx, "ref-leak", "warning", v->origin,
                                       v->origin_event, key, msg);
    else
        checker_report(cx, "ref-leak", "warning", v->origin, v->origin_event,
                       key, msg);
    free(what);
    free(held);
    free(assumed);
    free(msg);
    free(key);
}

static void check_ref_leak(checker_ctx *cx, engine_event_kind ev)
{
    if (ev != EV_RETURN)
        return;
    const ir_func *f = checker_func(cx);
    int ret = checker_event_value(cx);
    for (size_t i = 0; i < checker_value_count(cx); i++) {
        const ref_value *v = checker_value(cx, i);
        if (!v->tracked || v->escaped || v->null == NULL_YES)
            continue;
        int allowed = (int)i == ret && f->returns_object ? 1 : 0;
        if (v->owned > allowed)
            report_leak(cx, i, v, allowed && v->owned == 2 &&
                                  checker_two_refs_possible(cx));
    }
}

/* ---- ref-overrelease ---- */

static char *not_owned_reason(checker_ctx *cx, const ref_value *v)
{
    if (v->released)
        return xasprintf("its reference was already released by %s at line %u",
                         v->release_api ? v->release_api : "a release",
                         v->release_loc.line);
    if (v->stolen && !v->is_param)
        return xasprintf("its reference was already handed over to %s() at line %u",
                         v->release_api ? v->release_api : "a call",
                         v->release_loc.line);
    if (v->is_param)
        return xstrdup("it is a parameter, borrowed from the caller");
    if (v->owner >= 0 || v->origin_api)
        return xstrdup("it is a borrowed reference");
    (void)cx;
    return xstrdup("it is a borrowed reference");
}

static bool owns_none(const ref_value *v)
{
    if (v->owned > 0 || v->null == NULL_YES || v->member_alias >= 0)
        return false;
    return v->kind == REF_BORROWED || v->released || (v->stolen && !v->is_param);
}

/* PyObject_Del(self) in a dealloc frees memory the caller gave up; it is
 * not a reference taken from someone. */
static bool frees_memory(const checker_ctx *cx)
{
    const api_rule *r = checker_callee_rule(cx);
    return r && (r->gc == GC_FREE || r->gc == GC_PLAIN_FREE);
}

/* A tp_dealloc handing the dying object to a helper that frees it
 * (Dealloc(self)): the object is the dealloc's to dispose of. */
static bool disposes_self(const ir_func *f, const ref_value *rv)
{
    return f->dealloc && rv->is_param && rv->name_var == 0;
}

static void check_overrelease(checker_ctx *cx, engine_event_kind ev)
{
    const ir_func *f = checker_func(cx);
    int v = checker_event_value(cx);
    if (v < 0)
        return;
    const ref_value *rv = checker_value(cx, (size_t)v);
    const ir_insn *in = checker_insn(cx);
    bool helper_param = (rv->is_param || rv->param_alias) && !f->python_facing;
    if (ev == EV_DECREF && owns_none(rv) && !helper_param) {
        char *d = describe(cx, v), *why = not_owned_reason(cx, rv);
        report(cx, "ref-overrelease", rv->release_event,
               "decref", xasprintf("%s releases %s, which this function does "
                                   "not own: %s", in->macro, d, why));
        free(d);
        free(why);
    } else if (ev == EV_STEAL && owns_none(rv) && !frees_memory(cx) &&
               (!rv->is_param || f->python_facing) && !disposes_self(f, rv)) {
        char *d = describe(cx, v), *why = not_owned_reason(cx, rv);
        report(cx, "ref-overrelease", rv->release_event, "steal",
               xasprintf("%s() takes over the reference to %s, which this "
                         "function does not own: %s",
                         in->callee, d, why));
        free(d);
        free(why);
    } else if (ev == EV_RETURN && f->returns_object && f->python_facing &&
               !f->returns_borrowed &&
               rv->owned == 0 && rv->null != NULL_YES && !rv->released &&
               (rv->kind == REF_BORROWED || rv->kind == REF_HELD)) {
        char *d = describe(cx, v);
        report(cx, "ref-overrelease", -1, "return-borrowed",
               xasprintf("returns %s, a borrowed reference, where a new "
                         "reference is due (missing Py_INCREF or Py_NewRef)", d));
        free(d);
    }
}

/* ---- use-after-release ---- */

static void check_use_after_release(checker_ctx *cx, engine_event_kind ev)
{
    if (ev != EV_USE && ev != EV_ARG && ev != EV_INCREF && ev != EV_RETURN)
        return;
    int v = checker_event_value(cx);
    if (v < 0)
        return;
    const ref_value *rv = checker_value(cx, (size_t)v);
    if (rv->owned > 0 || rv->null == NULL_YES)
        return;
    const ref_value *owner = rv->owner >= 0 ? checker_value(cx, (size_t)rv->owner) : NULL;
    char *d = describe(cx, v);
    char *msg = NULL;
    int from = -1;
    bool owner_alive = owner && !owner->released && !owner->stolen;
    /* "x = get(); Py_DECREF(x); use(x)" with get() one of the file's
     * functions or an unknown one: a borrowing idiom for an object that
     * something else keeps alive (a cache, a context variable), which
     * the summaries cannot see; not reported */
    bool borrow_idiom = rv->released && !rv->stolen && (rv->assumed || rv->summarized);
    /* Py_None, Py_True, static types: their last reference is never ours */
    if (borrow_idiom || rv->static_obj) {
        free(d);
        return;
    }
    if (rv->released || (rv->stolen && !rv->is_param && !owner_alive)) {
        msg = xasprintf("%s is used after its last reference was %s %s at "
                        "line %u", d, rv->released ? "released by" : "handed to",
                        rv->release_api ? rv->release_api : "a call",
                        rv->release_loc.line);
        from = rv->release_event;
    } else if (owner && owner->released && owner->owned == 0) {
        char *o = describe(cx, rv->owner);
        msg = xasprintf("%s is a borrowed reference from %s, which was "
                        "released at line %u, and is used after it", d, o,
                        owner->release_loc.line);
        from = owner->release_event;
        free(o);
    }
    free(d);
    if (msg)
        report(cx, "use-after-release", from, "use", msg);
}

/* ---- null-deref ---- */

static bool null_is_bug(checker_ctx *cx, engine_event_kind ev)
{
    const ir_insn *in = checker_insn(cx);
    const api_rule *callee = checker_callee_rule(cx);
    size_t arg = checker_event_arg(cx);
    /* a plain C pointer the function itself set to NULL (not a result of
     * the API, not an object) is the program's own logic, not API use */
    if (ev == EV_USE)
        return !(in && in->src.kind == OP_VAR && in->src.var >= 0 &&
                 !checker_func(cx)->vars[in->src.var].is_object &&
                 !checker_value(cx, (size_t)checker_event_value(cx))->null_api);
    if (ev == EV_INCREF || ev == EV_DECREF)
        return !in->nullable;
    /* a call that checks for NULL, handed the NULL of a call that failed,
     * fails in turn: the error goes on (its result must be checked, which
     * exception-state sees); only a NULL without an exception is wrong */
    if (ev == EV_ARG && callee && callee->checks_null &&
        checker_exception(cx) == EXC_YES)
        return false;
    return ev == EV_ARG && callee && arg < 32 && (callee->nonnull & (1u << arg));
}

static void check_null_deref(checker_ctx *cx, engine_event_kind ev)
{
    int v = checker_event_value(cx);
    if (v < 0 || ev == EV_RETURN || ev == EV_STEAL)
        return;
    const ref_value *rv = checker_value(cx, (size_t)v);
    if (rv->null != NULL_YES || !null_is_bug(cx, ev))
        return;
    const ir_insn *in = checker_insn(cx);
    const api_rule *callee = checker_callee_rule(cx);
    bool checks_null = ev == EV_ARG && callee && callee->checks_null;
    char *d = describe(cx, v);
    char *why = rv->null_api ? xasprintf(" (%s() returned NULL)", rv->null_api)
                             : xstrdup("");
    char *msg;
    if (ev == EV_USE)
        msg = xasprintf("%s is NULL here%s and is dereferenced", d, why);
    else if (ev == EV_ARG)
        msg = xasprintf("%s is NULL here%s and is passed as argument %zu of "
                        "%s(), which %s", d, why, checker_event_arg(cx) + 1,
                        in->callee, checks_null
                        ? "raises SystemError for a NULL with no error set"
                        : "does not accept NULL");
    else
        msg = xasprintf("%s is NULL here%s and is passed to %s, which does "
                        "not accept NULL (use the X variant or check first)",
                        d, why, in->macro);
    free(d);
    free(why);
    report(cx, "null-deref", rv->null_event, "null", msg);
    /* the program crashes here, unless the call checks for NULL itself:
     * what follows on this path is not reached */
    if (!checks_null)
        checker_end_path(cx);
}

/* ---- null-return-no-exception ---- */

static void check_null_return(checker_ctx *cx, engine_event_kind ev)
{
    if (ev != EV_RETURN)
        return;
    const ir_func *f = checker_func(cx);
    int v = checker_event_value(cx);
    if (v < 0 || !f->returns_object || !f->python_facing || f->iternext)
        return;
    const ref_value *rv = checker_value(cx, (size_t)v);
    if (rv->null != NULL_YES || checker_exception(cx) != EXC_NO)
        return;
    report(cx, "null-return-no-exception", -1, "null-return",
           xasprintf("%s() returns NULL without setting an exception "
                     "(Python raises SystemError)", f->name));
}

/* ---- gil-violation ---- */

/* A call of the C API (or a reference-count operation) after the thread
 * gave up the GIL and before it took it back. */
static void check_gil(checker_ctx *cx, engine_event_kind ev)
{
    ir_loc released;
    const char *by = NULL;
    if (!checker_gil_released(cx, &released, &by))
        return;
    const ir_insn *in = checker_insn(cx);
    const api_rule *r = checker_callee_rule(cx);
    const char *what = NULL;
    bool api = r && !(r->origin && (!strcmp(r->origin, "summary") ||
                                   !strcmp(r->origin, "annotation")));
    if (ev == EV_CALL && api && !r->no_gil && !r->acquires_gil)
        what = in->callee;
    else if ((ev == EV_INCREF || ev == EV_DECREF) && in->macro)
        what = in->macro;
    if (!what)
        return;
    report_as(cx, "gil-violation", "error", -1, "gil",
              xasprintf("%s%s is called without the GIL, which %s() gave up "
                        "at line %u and which was not taken back", what,
                        ev == EV_CALL ? "()" : "", by ? by : "a call",
                        released.line));
}

/* ---- exception-state ---- */

/* Does f report errors with a negative constant (return -1)?  Then 0 is
 * its success value; a function returning 0 or 1 (a converter, a
 * predicate) uses 0 for failure. */
static bool returns_negative(const ir_func *f)
{
    for (size_t i = 0; i < f->nblocks; i++) {
        const cfg_block *b = &f->blocks[i];
        if (b->term == TERM_RETURN && b->value.kind == OP_INT && b->value.ival < 0)
            return true;
    }
    return false;
}

/* The function returns a success value while an exception its own calls
 * raised is still set. */
static void check_exception_state(checker_ctx *cx, engine_event_kind ev)
{
    if (ev != EV_RETURN || checker_exception(cx) != EXC_YES)
        return;
    const ir_func *f = checker_func(cx);
    int v = checker_event_value(cx);
    const ref_value *rv = v >= 0 ? checker_value(cx, (size_t)v) : NULL;
    bool success = rv && ((f->returns_object && rv->null == NULL_NO) ||
                          (f->returns_int && rv->null == NULL_YES &&
                           returns_negative(f)));
    if (!success)
        return;
    const char *src = checker_exception_source(cx);
    char *why = src ? xasprintf("%s() failed", src) : xstrdup("an exception was set");
    report(cx, "exception-state", -1, "exc",
           xasprintf("%s() returns a success value while an exception is "
                     "still set (%s and the error was not handled)",
                     f->name, why));
    free(why);
}

const checker engine_checkers[] = {
    { "ref-leak", check_ref_leak },
    { "ref-overrelease", check_overrelease },
    { "use-after-release", check_use_after_release },
    { "null-deref", check_null_deref },
    { "null-return-no-exception", check_null_return },
    { "gil-violation", check_gil },
    { "exception-state", check_exception_state },
    { NULL, NULL },
};
