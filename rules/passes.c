/* passes.c - the IR passes: format-mismatch (format strings of
 * PyArg_Parse*, Py_BuildValue and friends against the arguments' types and
 * number, and keyword lists) and the unchecked-result half of
 * exception-state (a call that reports failure with -1 or 0 whose result
 * is never looked at). */
#include "passes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "../analyzer/util.h"

static void pass_report(const pass_ctx *pc, const char *rule,
                        const char *severity, ir_loc loc, const char *key,
                        char *message)
{
    const ir_func *f = pc->f;
    char *k = xasprintf("%s:%u", key, loc.col);
    finding_site at = { rule, severity, f->file, f->name, loc.line, loc.col,
                        (int)loc.line - (int)f->loc.line, k };
    finding_report(pc->out, &at, message);
    free(k);
}

static const api_rule *rule_for(const pass_ctx *pc, const char *name)
{
    const api_rule *r = api_rules_find(pc->local, name, false);
    if (!r)
        r = api_rules_find(pc->rules, name, false);
    if (r && pc->python_version &&
        ((r->since && pc->python_version < r->since) ||
         (r->until && pc->python_version >= r->until)))
        return NULL;
    return r;
}

/* ---- format-mismatch ---- */

/* The name the user wrote: _PyArg_ParseTuple_SizeT is what
 * PyArg_ParseTuple becomes under PY_SSIZE_T_CLEAN. */
static char *display_name(const char *callee)
{
    size_t n = strlen(callee);
    if (callee[0] == '_' && n > 7 && !strcmp(callee + n - 6, "_SizeT"))
        return xstrndup(callee + 1, n - 7);
    return xstrdup(callee);
}

/* Replace the first "NAME()" in message by the displayed name. */
static char *with_display(const ir_insn *in, char *message)
{
    char *shown = display_name(in->callee);
    char *from = xasprintf("%s()", in->callee), *to = xasprintf("%s()", shown);
    char *hit = strstr(message, from);
    char *out = hit ? xasprintf("%.*s%s%s", (int)(hit - message), message, to,
                                hit + strlen(from))
                    : xstrdup(message);
    free(shown);
    free(from);
    free(to);
    free(message);
    return out;
}

static void format_mismatch(const pass_ctx *pc, const ir_insn *in,
                            char *message)
{
    pass_report(pc, "format-mismatch", "error", in->loc, in->callee,
                with_display(in, message));
}


/* The keyword list of PyArg_ParseTupleAndKeywords: argument format_arg + 1. */
static void check_keywords(const pass_ctx *pc, const ir_insn *in,
                           const api_rule *r, const char *fmt, size_t nunits)
{
    size_t kw = r->format_arg;   /* 0-based index of the argument after fmt */
    if (r->format_build || r->format_values <= r->format_arg + 1 ||
        kw >= in->nargs || !in->arg_elems || in->arg_elems[kw] < 0)
        return;
    if ((size_t)in->arg_elems[kw] != nunits)
        format_mismatch(pc, in, xasprintf(
            "format \"%s\" of %s() has %zu units but its keyword list names "
            "%ld", fmt, in->callee, nunits, in->arg_elems[kw]));
}

static void check_format_call(const pass_ctx *pc, const ir_insn *in,
                              const api_rule *r)
{
    const ir_operand *fa = &in->args[r->format_arg - 1];
    if (fa->kind != OP_STRING || !fa->text || !in->arg_types)
        return;
    format_arg roles[FORMAT_MAX_ARGS];
    const char *types[FORMAT_MAX_ARGS];
    size_t nunits = 0;
    char err[256];
    int n = format_walk_typed(r->format_build ? FORMAT_BUILD : FORMAT_PARSE,
                              fa->text, roles, types, &nunits, FORMAT_MAX_ARGS,
                              err, sizeof err);
    if (n < 0) {
        format_mismatch(pc, in, xasprintf("%s() has a bad format: %s", in->callee, err));
        return;
    }
    size_t first = r->format_values - 1;
    size_t given = in->nargs > first ? in->nargs - first : 0;
    if ((size_t)n != given) {
        format_mismatch(pc, in, xasprintf(
            "format \"%s\" of %s() takes %d argument%s but %zu %s given",
            fa->text, in->callee, n, n == 1 ? "" : "s", given,
            given == 1 ? "is" : "are"));
        return;
    }
    for (int k = 0; k < n && k < FORMAT_MAX_ARGS; k++) {
        const char *actual = in->arg_types[first + (size_t)k];
        if (!format_type_ok(types[k], actual)) {
            format_mismatch(pc, in, xasprintf(
                "argument %zu of %s() is of type '%s', but format \"%s\" "
                "expects %s there", first + (size_t)k + 1, in->callee,
                actual, fa->text, types[k]));
            return;
        }
    }
    check_keywords(pc, in, r, fa->text, nunits);
}

/* ---- exception-state: results never looked at ---- */

static void mark_use(bool *used, const ir_operand *op)
{
    if (op->var >= 0 && op->kind != OP_NONE)
        used[op->var] = true;
}

/* Which variables does any instruction or terminator read? */
static bool *used_vars(const ir_func *f)
{
    bool *used = xcalloc(f->nvars + 1, sizeof *used);
    for (size_t b = 0; b < f->nblocks; b++) {
        const cfg_block *bl = &f->blocks[b];
        for (size_t i = 0; i < bl->ninsns; i++) {
            const ir_insn *in = &bl->insns[i];
            mark_use(used, &in->src);
            mark_use(used, &in->target);
            for (size_t a = 0; a < in->nargs; a++)
                mark_use(used, &in->args[a]);
        }
        mark_use(used, &bl->cond.value);
        mark_use(used, &bl->value);
    }
    return used;
}

static void unchecked_result(const pass_ctx *pc, const ir_insn *in,
                             const api_rule *r, const bool *used)
{
    if (in->dst < 0 || used[in->dst] || pc->f->vars[in->dst].kind != VAR_TEMP)
        return;
    if (r->fail != FAIL_NEG1 && r->fail != FAIL_ZERO)
        return;
    /* the output of an out-new call tells the outcome too ("if (attr ==
     * NULL && !PyErr_Occurred())"); the paths judge how it is handled */
    if (r->out_new)
        return;
    pass_report(pc, "exception-state", "warning", in->loc, in->callee,
                xasprintf("the result of %s() is not checked: when it fails "
                          "(%s, with an exception set) the error goes unnoticed",
                          in->callee, r->fail == FAIL_NEG1 ? "-1" : "0"));
}

void passes_run(const pass_ctx *pc)
{
    bool *used = used_vars(pc->f);
    for (size_t b = 0; b < pc->f->nblocks; b++) {
        const cfg_block *bl = &pc->f->blocks[b];
        for (size_t i = 0; i < bl->ninsns; i++) {
            const ir_insn *in = &bl->insns[i];
            const api_rule *r = in->kind == INSN_CALL ? rule_for(pc, in->callee) : NULL;
            if (!r)
                continue;
            if (r->format_arg && in->nargs >= r->format_arg)
                check_format_call(pc, in, r);
            unchecked_result(pc, in, r, used);
        }
    }
    free(used);
}
