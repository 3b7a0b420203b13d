/* gc_common.c - helpers the gc-* checks share: looking up the file's
 * functions and types, the gc= role of a call, per-function facts about
 * variables (what each was loaded from, which hold self, a type, or an
 * object that came in as an argument), and reporting. */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "gc_impl.h"
#include "../analyzer/util.h"

bool gc_type_is_gc(const type_def *t)
{
    return t->flags_known && (t->flags & GC_FLAG_HAVE_GC);
}

ir_func *gc_find_func(const gc_unit *u, const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < u->nfuncs; i++)
        if (!strcmp(u->funcs[i]->name, name))
            return u->funcs[i];
    return NULL;
}

const type_def *gc_find_type(const gc_unit *u, const char *var)
{
    if (!var)
        return NULL;
    for (size_t i = 0; i < u->types->len; i++)
        if (!strcmp(u->types->items[i].var, var))
            return &u->types->items[i];
    return NULL;
}

int gc_field_index(const type_def *t, const char *name)
{
    for (size_t i = 0; name && i < t->nfields; i++)
        if (!strcmp(t->fields[i].name, name))
            return (int)i;
    return -1;
}

const api_rule *gc_rule(const gc_unit *u, const ir_insn *in)
{
    if (in->kind != INSN_CALL || !in->callee)
        return NULL;
    const api_rule *r = api_rules_find(u->rules, in->callee, false);
    if (r && ((r->since && u->python_version && u->python_version < r->since) ||
              (r->until && u->python_version >= r->until)))
        return NULL;
    return r;
}

api_gc gc_role(const gc_unit *u, const ir_insn *in, const ir_operand **arg)
{
    const api_rule *r = gc_rule(u, in);
    *arg = NULL;
    if (!r || r->gc == GC_NONE)
        return GC_NONE;
    if (r->gc_arg >= 1 && r->gc_arg <= in->nargs)
        *arg = &in->args[r->gc_arg - 1];
    return r->gc;
}

/* ---- per-function facts ---- */

static bool var_ok(const gc_vars *v, const ir_operand *op)
{
    return op->kind == OP_VAR && op->var >= 0 && (size_t)op->var < v->n;
}

static void mark_arg(gc_vars *v, const ir_operand *op)
{
    if (op->kind == OP_ADDR && op->var >= 0 && (size_t)op->var < v->n)
        v->from_args[op->var] = true;
}

/* Arguments that a PyArg_Parse-style call ("O" units: objects of any
 * type) or PyArg_UnpackTuple fills in with the caller's objects. */
static void mark_parsed(gc_vars *v, const gc_unit *u, const ir_insn *in)
{
    const api_rule *r = gc_rule(u, in);
    if (!r)
        return;
    for (size_t i = r->unpack_outputs; r->unpack_outputs && i <= in->nargs; i++)
        mark_arg(v, &in->args[i - 1]);
    if (!r->format_arg || r->format_build || r->format_arg > in->nargs ||
        in->args[r->format_arg - 1].kind != OP_STRING)
        return;
    format_arg roles[FORMAT_MAX_ARGS];
    const char *units[FORMAT_MAX_ARGS];
    int n = format_walk_units(FORMAT_PARSE, in->args[r->format_arg - 1].text,
                              roles, units, FORMAT_MAX_ARGS);
    for (int k = 0; k < n && k < FORMAT_MAX_ARGS; k++) {
        size_t pos = r->format_values - 1 + (size_t)k;
        if (pos < in->nargs && !strcmp(units[k], "O") &&
            (roles[k] == FARG_OBJECT_OUT || roles[k] == FARG_OBJECT_OPT))
            mark_arg(v, &in->args[pos]);
    }
}

/* PyObject_TypeCheck(x, &T) with T a type of this file whose instances
 * hold objects: x may still be part of a cycle. */
static bool tests_holder_type(const gc_unit *u, const ir_insn *in, api_gc role)
{
    if (role != GC_TYPE_TEST || in->nargs < 2 || in->args[1].kind != OP_ADDR_GLOBAL)
        return false;
    const type_def *t = gc_find_type(u, in->args[1].text);
    return t && t->nfields > 0;
}

static void note_call(gc_vars *v, const gc_unit *u, const ir_insn *in)
{
    const ir_operand *arg;
    api_gc role = gc_role(u, in, &arg);
    mark_parsed(v, u, in);
    if ((role == GC_TYPE_OF || role == GC_TYPE_TEST) && arg && var_ok(v, arg) &&
        !tests_holder_type(u, in, role))
        v->typed[arg->var] = true;
    if (in->dst < 0 || (size_t)in->dst >= v->n)
        return;
    const api_rule *r = gc_rule(u, in);
    if (r ? r->ret == RET_NEW : in->callee != NULL)
        v->owned[in->dst] = true;   /* unknown functions: CPython's rule */
    if (r && r->atomic)
        v->atomic[in->dst] = true;
    if (role == GC_TYPE_OF)
        v->type_of[in->dst] = true;
    if (role == GC_FROM_SPEC && arg && arg->kind == OP_ADDR_GLOBAL) {
        if (v->spec[in->dst] && strcmp(v->spec[in->dst], arg->text))
            v->spec_mixed[in->dst] = true;
        v->spec[in->dst] = arg->text;
    }
}

/* v[dst] takes what is known of src; true if anything changed. */
static bool copy_facts(gc_vars *v, int dst, const ir_operand *src)
{
    bool changed = false;
#define TAKE(arr, val) \
    do { if ((val) && !v->arr[dst]) { v->arr[dst] = (val); changed = true; } } while (0)
    if (src->kind == OP_FIELD)
        TAKE(field, src);
    if (src->kind == OP_GLOBAL)
        TAKE(global, src);
    if (var_ok(v, src)) {
        int s = src->var;
        TAKE(field, v->field[s]);
        TAKE(global, v->global[s]);
        TAKE(type_of, v->type_of[s]);
        TAKE(self, v->self[s]);
        TAKE(from_args, v->from_args[s]);
        if (v->spec[s] && v->spec[dst] && strcmp(v->spec[s], v->spec[dst]))
            TAKE(spec_mixed, true);
        TAKE(spec, v->spec[s]);
        TAKE(spec_mixed, v->spec_mixed[s]);
        TAKE(owned, v->owned[s]);
        TAKE(atomic, v->atomic[s]);
    }
    if (src->kind == OP_FIELD && src->text && !strcmp(src->text, "ob_type"))
        TAKE(type_of, true);
#undef TAKE
    return changed;
}

/* Does the call make an object that refers only to some of its arguments
 * (refers-to), each NULL or atomic?  Then that object is atomic too. */
static bool refers_only_to_atomic(const gc_vars *v, const gc_unit *u,
                                  const ir_insn *in)
{
    const api_rule *r = gc_rule(u, in);
    if (!r || !r->refers_to)
        return false;
    for (size_t a = 0; a < in->nargs && a < 32; a++) {
        const ir_operand *op = &in->args[a];
        if (!(r->refers_to & (1u << a)) || op->kind == OP_NULL)
            continue;
        if (!var_ok(v, op) || !v->atomic[op->var])
            return false;
    }
    return true;
}

/* Is in a call whose result may be atomic by what it refers to? */
static bool makes_referring(const gc_vars *v, const gc_unit *u, const ir_insn *in)
{
    const api_rule *r;
    return in->kind == INSN_CALL && in->dst >= 0 && (size_t)in->dst < v->n &&
           (r = gc_rule(u, in)) && r->refers_to;
}

void gc_vars_init(gc_vars *v, const gc_unit *u, const ir_func *f)
{
    const ir_insn **referring = NULL;   /* calls with refers-to */
    size_t nref = 0, capref = 0;
    v->n = f->nvars;
    v->field = xcalloc(f->nvars + 1, sizeof *v->field);
    v->global = xcalloc(f->nvars + 1, sizeof *v->global);
    v->type_of = xcalloc(f->nvars + 1, sizeof *v->type_of);
    v->self = xcalloc(f->nvars + 1, sizeof *v->self);
    v->from_args = xcalloc(f->nvars + 1, sizeof *v->from_args);
    v->typed = xcalloc(f->nvars + 1, sizeof *v->typed);
    v->owned = xcalloc(f->nvars + 1, sizeof *v->owned);
    v->atomic = xcalloc(f->nvars + 1, sizeof *v->atomic);
    v->spec = xcalloc(f->nvars + 1, sizeof *v->spec);
    v->spec_mixed = xcalloc(f->nvars + 1, sizeof *v->spec_mixed);
    if (f->nparams)
        v->self[0] = true;
    for (size_t i = 0; i < f->nparams; i++)
        v->from_args[i] = true;
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if (in->kind == INSN_CALL)
                note_call(v, u, in);
            if (makes_referring(v, u, in))
                ARRAY_PUSH(referring, nref, capref, in);
            if (in->kind == INSN_INCREF && var_ok(v, &in->src))
                v->owned[in->src.var] = true;
        }
    /* copies of copies: repeat until nothing changes (bounded) */
    for (int round = 0; round < 8; round++) {
        bool changed = false;
        for (size_t b = 0; b < f->nblocks; b++)
            for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
                const ir_insn *in = &f->blocks[b].insns[i];
                if (in->kind == INSN_ASSIGN && in->dst >= 0 && (size_t)in->dst < v->n)
                    changed |= copy_facts(v, in->dst, &in->src);
            }
        for (size_t k = 0; k < nref; k++)
            if (!v->atomic[referring[k]->dst] &&
                refers_only_to_atomic(v, u, referring[k]))
                v->atomic[referring[k]->dst] = changed = true;
        if (!changed)
            break;
    }
    free(referring);
}

void gc_vars_free(gc_vars *v)
{
    free(v->field);
    free(v->global);
    free(v->type_of);
    free(v->self);
    free(v->from_args);
    free(v->typed);
    free(v->owned);
    free(v->atomic);
    free(v->spec);
    free(v->spec_mixed);
    memset(v, 0, sizeof *v);
}

const gc_vars *gc_vars_of(const gc_unit *u, const ir_func *f)
{
    size_t i = 0;
    while (i < u->nfuncs && u->funcs[i] != f)
        i++;
    gc_vars_cache *c = u->cache;
    if (!c->ready[i]) {
        gc_vars_init(&c->vars[i], u, f);
        c->ready[i] = true;
    }
    return &c->vars[i];
}

/* ---- the type an object is made as ---- */

/* The one PyType_Spec a variable holds a type made from, NULL. */
static const char *spec_of(const gc_vars *v, int var)
{
    return var >= 0 && (size_t)var < v->n && !v->spec_mixed[var] ? v->spec[var] : NULL;
}

/* The spec of the type var holds at instruction i of blk: the nearest
 * definition before it in the block (o = PyType_FromSpec(&a); A = o;
 * o = PyType_FromSpec(&b); B = o;), else what is known of var overall. */
static const char *spec_before(const gc_unit *u, const gc_vars *v,
                               const cfg_block *blk, size_t i, int var)
{
    while (i-- > 0) {
        const ir_insn *in = &blk->insns[i];
        if ((in->kind != INSN_CALL && in->kind != INSN_ASSIGN) || in->dst != var)
            continue;
        if (in->kind == INSN_ASSIGN && var_ok(v, &in->src)) {
            var = in->src.var;
            continue;
        }
        const ir_operand *arg;
        bool made = in->kind == INSN_CALL && gc_role(u, in, &arg) == GC_FROM_SPEC &&
                    arg && arg->kind == OP_ADDR_GLOBAL;
        return made ? arg->text : NULL;
    }
    return spec_of(v, var);
}

static void map_specs(const gc_unit *u, gc_spec_map *m)
{
    for (size_t k = 0; k < u->nfuncs; k++) {
        const ir_func *f = u->funcs[k];
        const gc_vars *v = gc_vars_of(u, f);
        for (size_t b = 0; b < f->nblocks; b++)
            for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
                const ir_insn *in = &f->blocks[b].insns[i];
                const char *spec;
                if (in->kind != INSN_STORE || !var_ok(v, &in->src) ||
                    (in->target.kind != OP_FIELD && in->target.kind != OP_GLOBAL) ||
                    !(spec = spec_before(u, v, &f->blocks[b], i, in->src.var)))
                    continue;
                gc_spec_home h = { in->target.text, spec };
                ARRAY_PUSH(m->items, m->len, m->cap, h);
            }
    }
    m->ready = true;
}

const type_def *gc_allocated_type(const gc_unit *u, const gc_vars *v,
                                  const ir_operand *op)
{
    gc_spec_map *m = &u->cache->specs;
    if (!m->ready)
        map_specs(u, m);
    if (op->kind == OP_ADDR_GLOBAL) {
        const type_def *t = gc_find_type(u, op->text);
        return t && !t->heap ? t : NULL;
    }
    if (var_ok(v, op)) {
        if (spec_of(v, op->var))
            return gc_find_type(u, spec_of(v, op->var));
        if (v->spec[op->var])
            return NULL;
        op = v->field[op->var] ? v->field[op->var] : v->global[op->var];
        if (!op)
            return NULL;
    }
    if (op->kind != OP_FIELD && op->kind != OP_GLOBAL)
        return NULL;
    for (size_t i = 0; i < m->len; i++)
        if (op->text && !strcmp(m->items[i].name, op->text))
            return gc_find_type(u, m->items[i].spec);
    return NULL;
}

/* The one call every definition of var leads to, through copies (up to
 * depth of them); NULL when var has none, or another kind of definition. */
static const ir_insn *def_call(const ir_func *f, int var, int depth)
{
    const ir_insn *call = NULL;
    bool defined = false;
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if ((in->kind != INSN_CALL && in->kind != INSN_ASSIGN) || in->dst != var)
                continue;
            const ir_insn *c = in;
            if (in->kind == INSN_ASSIGN)
                c = in->src.kind == OP_VAR && in->src.var != var && depth > 0
                    ? def_call(f, in->src.var, depth - 1) : NULL;
            if (!c || (defined && c != call))
                return NULL;
            call = c;
            defined = true;
        }
    return call;
}

/* The type operand of a call that allocates an instance (gc=new or
 * plain-new, directly or through the tp_alloc slot); NULL for others. */
static const ir_operand *alloc_type_arg(const gc_unit *u, const ir_insn *in)
{
    const api_rule *r = in->callee ? gc_rule(u, in)
                        : in->via ? api_rules_find_slot(u->rules, in->via) : NULL;
    if (!r || (r->gc != GC_NEW && r->gc != GC_PLAIN_NEW) ||
        r->gc_arg < 1 || r->gc_arg > in->nargs)
        return NULL;
    return &in->args[r->gc_arg - 1];
}

/* Does g return only NULL or a new instance of the type its parameter
 * holds (make(type) { o = PyObject_New(X, type); ... return o; })?  The
 * parameter's index, or -1. */
static int instance_of_param(const ir_func *g, const gc_unit *u)
{
    int param = -1;
    for (size_t b = 0; b < g->nblocks; b++) {
        const ir_operand *r = &g->blocks[b].value;
        if (g->blocks[b].term != TERM_RETURN || r->kind == OP_NULL)
            continue;
        const ir_insn *c = r->kind == OP_VAR ? def_call(g, r->var, 3) : NULL;
        const ir_operand *ty = c ? alloc_type_arg(u, c) : NULL;
        if (!ty || ty->kind != OP_VAR || ty->var < 0 ||
            (size_t)ty->var >= g->nparams || (param >= 0 && param != ty->var))
            return -1;
        param = ty->var;
    }
    return param;
}

const type_def *gc_made_type(const gc_unit *u, const ir_func *f, int var)
{
    const ir_insn *c = var >= 0 && (size_t)var >= f->nparams ? def_call(f, var, 3) : NULL;
    if (!c)
        return NULL;
    const gc_vars *v = gc_vars_of(u, f);
    const ir_operand *ty = alloc_type_arg(u, c);
    const ir_func *g = ty ? NULL : gc_find_func(u, c->callee);
    int p = g && g != f ? instance_of_param(g, u) : -1;
    if (p >= 0 && (size_t)p < c->nargs)
        ty = &c->args[p];
    return ty ? gc_allocated_type(u, v, ty) : NULL;
}

int gc_member(const type_def *t, const gc_vars *v, const ir_operand *op)
{
    if (var_ok(v, op) && v->field[op->var])
        op = v->field[op->var];
    if (op->kind != OP_FIELD || !op->rec || !t->record || strcmp(op->rec, t->record))
        return -1;
    return gc_field_index(t, op->text);
}

bool gc_is_self(const gc_vars *v, const ir_operand *op)
{
    return var_ok(v, op) && v->self[op->var];
}

bool gc_is_type_of(const gc_vars *v, const ir_operand *op)
{
    if (op->kind == OP_FIELD && op->text && !strcmp(op->text, "ob_type"))
        return true;
    return var_ok(v, op) && v->type_of[op->var];
}

/* Does f incref an operand that names the same field or global as op? */
static bool increfs_same(const ir_func *f, const ir_operand *op)
{
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if (in->kind == INSN_INCREF && in->src.kind == op->kind &&
                in->src.text && op->text && !strcmp(in->src.text, op->text))
                return true;
        }
    return false;
}

bool gc_is_owned(const ir_func *f, const gc_vars *v, const ir_operand *op)
{
    if (var_ok(v, op))
        return v->owned[op->var];
    if (op->kind == OP_FIELD || op->kind == OP_GLOBAL || op->kind == OP_ADDR_GLOBAL)
        return increfs_same(f, op);
    return false;
}

bool gc_may_cycle(const gc_vars *v, const ir_operand *op)
{
    return !var_ok(v, op) || (!v->atomic[op->var] && !v->typed[op->var]);
}

bool gc_is_arbitrary(const gc_vars *v, const ir_operand *op)
{
    return var_ok(v, op) && v->from_args[op->var] && !v->typed[op->var];
}

bool gc_opaque_call(const gc_unit *u, const ir_func *f, const gc_vars *v,
                    const ir_insn *in)
{
    if (in->kind != INSN_CALL)
        return false;
    bool passes_self = false;
    for (size_t i = 0; i < in->nargs; i++)
        passes_self |= gc_is_self(v, &in->args[i]);
    if (!passes_self)
        return false;
    if (!in->callee) {
        /* through a parameter (visit) is the collector's own callback */
        for (size_t p = 0; in->via && p < f->nparams; p++)
            if (!strcmp(f->vars[p].name, in->via))
                return false;
        return true;
    }
    return !api_rules_find(u->rules, in->callee, false) &&
           !gc_find_func(u, in->callee);
}

void gc_report(const gc_unit *u, const char *rule, const char *severity,
               const char *where, ir_loc loc, int rel, const char *key,
               char *message)
{
    finding_site at = { rule, severity, u->path, where, loc.line, loc.col, rel, key };
    finding_report(u->out, &at, message);
}
