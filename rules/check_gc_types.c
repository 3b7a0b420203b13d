/* check_gc_types.c - the type-level gc rules: gc-traverse-incomplete
 * (tp_traverse or tp_clear misses an owned member, or a heap type's
 * traverse misses its type) and gc-missing-flag (instances hold objects
 * from their callers without taking part in the collector).
 *
 * A member is "owned" when a function of the file stores a reference it
 * owns into it (a new result, or a value it increfs), or a writable
 * PyMemberDef entry (T_OBJECT / T_OBJECT_EX) lets Python code store one; it
 * holds objects "from arguments" when the stored value is a parameter or a
 * parsed "O" argument whose type is not looked at, or when the PyMemberDef
 * entry is writable.  Stores of objects that cannot be part of a cycle
 * (atomic results, objects whose type was checked) do not count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc_impl.h"
#include "../analyzer/util.h"

enum { T_OBJECT = 6, T_OBJECT_EX = 16, MEMBER_READONLY = 1 };

/* Where each member of a type gets its references. */
typedef struct member_facts {
    bool *owned;
    bool *from_args;
    const char **who;       /* function (or member table) that stores it */
    unsigned *line;
    const char **rec;       /* the struct every object stored is declared
                               to point to (PySSLContext *ctx) ... */
    bool *rec_unknown;      /* ... unless one is not so declared */
} member_facts;

static void facts_init(member_facts *m, size_t n)
{
    m->owned = xcalloc(n + 1, sizeof *m->owned);
    m->from_args = xcalloc(n + 1, sizeof *m->from_args);
    m->who = xcalloc(n + 1, sizeof *m->who);
    m->line = xcalloc(n + 1, sizeof *m->line);
    m->rec = xcalloc(n + 1, sizeof *m->rec);
    m->rec_unknown = xcalloc(n + 1, sizeof *m->rec_unknown);
}

static void facts_free(member_facts *m)
{
    free(m->owned);
    free(m->from_args);
    free(m->who);
    free(m->line);
    free(m->rec);
    free(m->rec_unknown);
}

/* The declared struct of what a store puts into member idx. */
static void note_record(member_facts *m, int idx, const char *rec)
{
    if (!rec || (m->rec[idx] && strcmp(m->rec[idx], rec)))
        m->rec_unknown[idx] = true;
    m->rec[idx] = rec;
}

static void note_store(member_facts *m, int idx, bool from_args,
                       const char *who, unsigned line)
{
    if (!m->owned[idx]) {
        m->who[idx] = who;
        m->line[idx] = line;
    }
    m->owned[idx] = true;
    if (from_args && !m->from_args[idx]) {
        m->from_args[idx] = true;
        m->who[idx] = who;
        m->line[idx] = line;
    }
}

/* Is the object whose member target sets made as another type of the
 * file than t (two types sharing one struct: a store into a Decompress
 * object says nothing of Compress objects)? */
static bool instance_of_other(const gc_unit *u, const type_def *t,
                              const ir_func *f, const ir_operand *target)
{
    if (target->kind != OP_FIELD || target->var < 0)
        return false;
    const type_def *made = gc_made_type(u, f, target->var);
    return made && made != t && made->record && !strcmp(made->record, t->record);
}

static void stores_of(const gc_unit *u, const type_def *t, const ir_func *f,
                      member_facts *m)
{
    const gc_vars *v = gc_vars_of(u, f);
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if (in->kind != INSN_STORE || !gc_is_owned(f, v, &in->src) ||
                !gc_may_cycle(v, &in->src))
                continue;
            int idx = gc_member(t, v, &in->target);
            if (idx < 0 || instance_of_other(u, t, f, &in->target))
                continue;
            note_store(m, idx, gc_is_arbitrary(v, &in->src), f->name,
                       in->loc.line);
            note_record(m, idx, in->src.kind == OP_VAR && in->src.var >= 0 &&
                        (size_t)in->src.var < f->nvars ? f->vars[in->src.var].rec : NULL);
        }
}

static void member_table_of(const gc_unit *u, const type_def *t,
                            member_facts *m)
{
    const char *name = t->slot[TSLOT_MEMBERS];
    for (size_t i = 0; name && i < u->tables->len; i++) {
        const def_table *tb = &u->tables->items[i];
        if (tb->kind != TABLE_MEMBERS || strcmp(tb->var, name))
            continue;
        for (size_t k = 0; k < tb->n; k++) {
            const table_entry *e = &tb->entries[k];
            /* a writable one: Python code stores any object into it */
            if (!e->member_known || (e->member_flags & MEMBER_READONLY) ||
                (e->member_type != T_OBJECT && e->member_type != T_OBJECT_EX))
                continue;
            for (size_t fi = 0; fi < t->nfields; fi++)
                if (t->fields[fi].offset == e->member_offset) {
                    note_store(m, (int)fi, true, tb->var, e->loc.line);
                    note_record(m, (int)fi, NULL);
                }
        }
    }
}

static void gather(const gc_unit *u, const type_def *t, member_facts *m)
{
    facts_init(m, t->nfields);
    for (size_t i = 0; i < u->nfuncs; i++)
        stores_of(u, t, u->funcs[i], m);
    member_table_of(u, t, m);
}

/* ---- what tp_traverse visits / tp_clear clears ---- */

typedef struct coverage {
    bool *covered;          /* per member */
    bool visits_type;       /* Py_VISIT(Py_TYPE(self)) */
    bool opaque;            /* self handed to a call not seen into */
} coverage;

static void cover(const gc_unit *u, const type_def *t, const ir_func *f,
                  bool clearing, int depth, coverage *c);

/* Does g reach through its first parameter into another struct than t's
 * (FutureObj_clear((FutureObj *)task): a base struct with the same
 * layout)?  Which of t's members it covers is then not known. */
static bool other_layout(const type_def *t, const ir_func *g)
{
    for (size_t b = 0; b < g->nblocks; b++)
        for (size_t i = 0; i < g->blocks[b].ninsns; i++) {
            const ir_insn *in = &g->blocks[b].insns[i];
            const ir_operand *ops[] = { &in->src, &in->target };
            for (size_t k = 0; k < 2; k++)
                if (ops[k]->kind == OP_FIELD && ops[k]->var == 0 && ops[k]->rec &&
                    strcmp(ops[k]->rec, t->record))
                    return true;
            for (size_t a = 0; a < in->nargs; a++)
                if (in->args[a].kind == OP_FIELD && in->args[a].var == 0 &&
                    in->args[a].rec && strcmp(in->args[a].rec, t->record))
                    return true;
        }
    return false;
}

static void cover_call(const gc_unit *u, const type_def *t, const ir_func *f,
                       const gc_vars *v, const ir_insn *in, bool clearing,
                       int depth, coverage *c)
{
    bool visit = false;
    for (size_t p = 0; !in->callee && in->via && p < f->nparams; p++)
        visit |= !strcmp(f->vars[p].name, in->via);
    for (size_t a = 0; a < in->nargs; a++) {
        /* Py_VISIT(JOIN_OBJ(self->text)), clear_ptr(&self->text): which
         * member is meant is not known */
        if (in->args[a].kind == OP_UNKNOWN && (visit || gc_find_func(u, in->callee)))
            c->opaque = true;
        int idx = gc_member(t, v, &in->args[a]);
        if (idx >= 0)
            c->covered[idx] = true;
        if (gc_is_type_of(v, &in->args[a]))
            c->visits_type = true;
    }
    if (gc_opaque_call(u, f, v, in))
        c->opaque = true;
    const ir_func *callee = gc_find_func(u, in->callee);
    if (callee && callee != f && depth < GC_MAX_DEPTH) {
        bool self_arg = false;
        for (size_t a = 0; a < in->nargs; a++)
            self_arg |= gc_is_self(v, &in->args[a]);
        if (self_arg && other_layout(t, callee))
            c->opaque = true;
        cover(u, t, callee, clearing, depth + 1, c);
    }
}

static void cover(const gc_unit *u, const type_def *t, const ir_func *f,
                  bool clearing, int depth, coverage *c)
{
    const gc_vars *v = gc_vars_of(u, f);
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            int idx = -1;
            if (in->kind == INSN_CALL)
                cover_call(u, t, f, v, in, clearing, depth, c);
            else if (clearing && in->kind == INSN_STORE)
                idx = gc_member(t, v, &in->target);
            else if (clearing && in->kind == INSN_DECREF)
                idx = gc_member(t, v, &in->src);
            if (idx >= 0)
                c->covered[idx] = true;
        }
}

/* Does tp_clear of t clear every member it owns, itself (not counting
 * on other objects' clears)?  Then an object of t in a garbage cycle
 * drops all its references when the collector clears it. */
static bool clears_all(const gc_unit *u, const type_def *t, const member_facts *m)
{
    const ir_func *f = gc_type_is_gc(t) ? gc_find_func(u, t->slot[TSLOT_CLEAR]) : NULL;
    if (!f)
        return false;
    coverage c = { xcalloc(t->nfields + 1, sizeof(bool)), false, false };
    cover(u, t, f, true, 0, &c);
    bool all = !c.opaque;
    for (size_t i = 0; all && i < t->nfields; i++)
        all = !m->owned[i] || c.covered[i];
    free(c.covered);
    return all;
}

/* Does member i of t only hold objects declared to be of a struct whose
 * types (each another type of the file than t) all clear every reference
 * they own?  A garbage cycle through the member then passes through such
 * an object, and the collector breaks it there: t's tp_clear need not
 * clear the member (a socket's context, itself cleared). */
static bool held_clears_itself(const gc_unit *u, const type_def *t,
                               const member_facts *m, size_t i,
                               const bool *type_clears_all)
{
    if (!m->rec[i] || m->rec_unknown[i])
        return false;
    bool found = false;
    for (size_t k = 0; k < u->types->len; k++) {
        const type_def *o = &u->types->items[k];
        if (!o->record || strcmp(o->record, m->rec[i]))
            continue;
        if (o == t || !type_clears_all[k])
            return false;
        found = true;
    }
    return found;
}

static void check_slot(const gc_unit *u, const type_def *t,
                       const member_facts *m, type_slot slot,
                       const bool *type_clears_all)
{
    const ir_func *f = gc_find_func(u, t->slot[slot]);
    if (!f)
        return;
    bool clearing = slot == TSLOT_CLEAR;
    coverage c = { xcalloc(t->nfields + 1, sizeof(bool)), false, false };
    cover(u, t, f, clearing, 0, &c);
    const char *what = clearing ? "tp_clear" : "tp_traverse";
    for (size_t i = 0; !c.opaque && i < t->nfields; i++) {
        if (!m->owned[i] || c.covered[i] ||
            (clearing && held_clears_itself(u, t, m, i, type_clears_all)))
            continue;
        char *key = xasprintf("%s:%s", what, t->fields[i].name);
        gc_report(u, "gc-traverse-incomplete", "warning", f->name, f->loc, 0, key,
                  xasprintf("%s() (%s of %s) does not %s member '%s', which %s "
                            "stores an owned reference into (line %u): a "
                            "reference cycle through it is never %s",
                            f->name, what, t->var, clearing ? "clear" : "visit",
                            t->fields[i].name, m->who[i], m->line[i],
                            clearing ? "broken" : "collected"));
        free(key);
    }
    if (!clearing && !c.opaque && t->heap && !c.visits_type &&
        u->python_version >= 0x03090000)
        gc_report(u, "gc-traverse-incomplete", "warning", f->name, f->loc, 0,
                  "tp_traverse:type", xasprintf(
                  "%s() (tp_traverse of heap type %s) does not visit "
                  "Py_TYPE(self): since Python 3.9 each instance of a heap "
                  "type holds a reference to its type, and the collector "
                  "must see it", f->name, t->var));
    free(c.covered);
}

static void check_missing_flag(const gc_unit *u, const type_def *t,
                               const member_facts *m)
{
    if (!t->flags_known || (gc_type_is_gc(t) && t->slot_set[TSLOT_TRAVERSE]))
        return;
    /* a base type with a tp_traverse but no flag: its instances are of
     * subclasses made at run time, which always get Py_TPFLAGS_HAVE_GC
     * and call the base's traverse (ctypes' _CData, Structure...) */
    if (t->slot_set[TSLOT_TRAVERSE] && (t->flags & GC_FLAG_BASETYPE))
        return;
    for (size_t i = 0; i < t->nfields; i++) {
        if (!m->from_args[i])
            continue;
        char *key = xasprintf("member:%s", t->fields[i].name);
        gc_report(u, "gc-missing-flag", "note", t->var, t->loc, 0, key, xasprintf(
            "instances of %s%s hold references to objects their callers choose "
            "(member '%s', set by %s at line %u), but the type has no %s: "
            "reference cycles through them are never collected",
            t->heap ? "the type made from " : "", t->var, t->fields[i].name,
            m->who[i], m->line[i],
            gc_type_is_gc(t) ? "tp_traverse" : "Py_TPFLAGS_HAVE_GC"));
        free(key);
        return;
    }
}

void check_gc_types(const gc_unit *u)
{
    size_t n = u->types->len;
    member_facts *facts = xcalloc(n + 1, sizeof *facts);
    bool *type_clears_all = xcalloc(n + 1, sizeof *type_clears_all);
    for (size_t i = 0; i < n; i++) {
        const type_def *t = &u->types->items[i];
        if (!t->record)
            continue;
        gather(u, t, &facts[i]);
        type_clears_all[i] = clears_all(u, t, &facts[i]);
    }
    for (size_t i = 0; i < n; i++) {
        const type_def *t = &u->types->items[i];
        if (!t->record)
            continue;
        if (gc_type_is_gc(t)) {
            check_slot(u, t, &facts[i], TSLOT_TRAVERSE, type_clears_all);
            check_slot(u, t, &facts[i], TSLOT_CLEAR, type_clears_all);
        }
        check_missing_flag(u, t, &facts[i]);
        facts_free(&facts[i]);
    }
    free(facts);
    free(type_clears_all);
}

void check_gc(const gc_unit *u)
{
    gc_vars_cache cache = { xcalloc(u->nfuncs + 1, sizeof(gc_vars)),
                            xcalloc(u->nfuncs + 1, sizeof(bool)),
                            { NULL, 0, 0, false } };
    gc_unit w = *u;
    w.cache = &cache;
    check_gc_types(&w);
    check_gc_funcs(&w);
    for (size_t i = 0; i < u->nfuncs; i++)
        if (cache.ready[i])
            gc_vars_free(&cache.vars[i]);
    free(cache.specs.items);
    free(cache.vars);
    free(cache.ready);
}
