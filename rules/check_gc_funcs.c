/* check_gc_funcs.c - the gc rules about functions: gc-dealloc (a type's
 * tp_dealloc) and gc-alloc (allocating and tracking instances).
 *
 * A dealloc is followed block by block with two facts that must hold on
 * every path (a forward "must" analysis): the object is untracked, the
 * current exception is saved.  Calls into the file's own functions are
 * followed through their own facts (to GC_MAX_DEPTH). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc_impl.h"
#include "../analyzer/util.h"

enum { ST_UNTRACKED = 1, ST_SAVED = 2, ST_ALL = 3 };

typedef struct event {
    bool seen;
    ir_loc loc;
    const char *what;
} event;

typedef struct dealloc_facts {
    bool untracks;      /* untracks the object somewhere */
    bool releases;      /* releases a member somewhere */
    bool frees;         /* tp_free, a free function, or the base's dealloc */
    bool chains;        /* hands self to a dealloc or a call not seen into */
    bool decrefs_type;  /* Py_DECREF(Py_TYPE(self)) */
    event early;        /* a member released while still tracked */
    event plain_free;   /* PyObject_Del / PyObject_Free of self */
    event raise;        /* a call that can raise, exception not saved */
} dealloc_facts;

static void note(event *e, ir_loc loc, const char *what)
{
    if (!e->seen || loc.line < e->loc.line) {
        e->seen = true;
        e->loc = loc;
        e->what = what;
    }
}

static bool passes_self(const gc_vars *v, const ir_insn *in)
{
    for (size_t i = 0; i < in->nargs; i++)
        if (gc_is_self(v, &in->args[i]))
            return true;
    return false;
}

typedef struct dealloc_walk {
    const gc_unit *u;
    const type_def *t;
    const ir_func *f;
    const gc_vars *v;
    int depth;
    dealloc_facts *facts;
} dealloc_walk;

static void scan_dealloc(const gc_unit *u, const type_def *t,
                         const ir_func *f, int depth, dealloc_facts *out);

static void release(dealloc_walk *w, unsigned st, ir_loc loc, const char *what)
{
    w->facts->releases = true;
    if (!(st & ST_UNTRACKED))
        note(&w->facts->early, loc, what);
}

/* A call to one of the file's functions that gets self. */
static unsigned file_call(dealloc_walk *w, const ir_insn *in, unsigned st,
                          const ir_func *g)
{
    dealloc_facts sub;
    scan_dealloc(w->u, w->t, g, w->depth + 1, &sub);
    dealloc_facts *fa = w->facts;
    if (sub.early.seen || (sub.releases && !sub.untracks))
        release(w, st, in->loc, g->name);
    if (sub.raise.seen && !(st & ST_SAVED))
        note(&fa->raise, in->loc, sub.raise.what);
    if (sub.plain_free.seen)
        note(&fa->plain_free, in->loc, sub.plain_free.what);
    fa->untracks |= sub.untracks;
    fa->frees |= sub.frees;
    fa->chains |= sub.chains;
    fa->decrefs_type |= sub.decrefs_type;
    return sub.untracks ? st | ST_UNTRACKED : st;
}

static unsigned indirect_call(dealloc_walk *w, const ir_insn *in, unsigned st)
{
    const char *via = in->via ? in->via : "";
    if (!strcmp(via, "tp_free")) {
        w->facts->frees = true;
    } else if (!strcmp(via, "tp_dealloc")) {
        w->facts->frees = w->facts->chains = true;
    } else if (!strcmp(via, "tp_clear") && passes_self(w->v, in)) {
        release(w, st, in->loc, "tp_clear");
    } else if (gc_opaque_call(w->u, w->f, w->v, in)) {
        w->facts->frees = w->facts->chains = true;
    }
    return st;
}

static unsigned call_step(dealloc_walk *w, const ir_insn *in, unsigned st)
{
    if (!in->callee)
        return indirect_call(w, in, st);
    const ir_operand *arg;
    api_gc role = gc_role(w->u, in, &arg);
    const api_rule *r = gc_rule(w->u, in);
    const ir_func *g = gc_find_func(w->u, in->callee);
    if (role == GC_UNTRACK) {
        w->facts->untracks = true;
        return st | ST_UNTRACKED;
    }
    if (role == GC_SAVES_ERROR)
        return st | ST_SAVED;
    if ((role == GC_FREE || role == GC_PLAIN_FREE) && arg && gc_is_self(w->v, arg)) {
        w->facts->frees = true;
        if (role == GC_PLAIN_FREE)
            note(&w->facts->plain_free, in->loc, in->callee);
        return st;
    }
    if (g && g != w->f && w->depth < GC_MAX_DEPTH && passes_self(w->v, in))
        return file_call(w, in, st, g);
    if (gc_opaque_call(w->u, w->f, w->v, in))
        w->facts->frees = w->facts->chains = true;
    if (r && role == GC_NONE && r->fail != FAIL_NEVER && !r->misuse_only &&
        !(st & ST_SAVED))
        note(&w->facts->raise, in->loc, in->callee);
    return st;
}

static unsigned step(dealloc_walk *w, const ir_insn *in, unsigned st)
{
    if (in->kind == INSN_CALL)
        return call_step(w, in, st);
    if (in->kind == INSN_DECREF) {
        int idx = gc_member(w->t, w->v, &in->src);
        if (idx >= 0)
            release(w, st, in->loc, w->t->fields[idx].name);
        if (gc_is_type_of(w->v, &in->src))
            w->facts->decrefs_type = true;
    }
    return st;
}

static void scan_dealloc(const gc_unit *u, const type_def *t,
                         const ir_func *f, int depth, dealloc_facts *out)
{
    memset(out, 0, sizeof *out);
    dealloc_walk w = { u, t, f, gc_vars_of(u, f), depth, out };
    size_t nb = f->nblocks;
    unsigned *in_st = xmalloc((nb + 1) * sizeof *in_st);
    for (size_t b = 0; b < nb; b++)
        in_st[b] = b ? ST_ALL : 0;
    /* the fixed point first, quietly; then one pass that records */
    dealloc_facts scratch;
    for (bool changed = true; changed;) {
        changed = false;
        memset(&scratch, 0, sizeof scratch);
        w.facts = &scratch;
        for (size_t b = 0; b < nb; b++) {
            const cfg_block *blk = &f->blocks[b];
            unsigned st = in_st[b];
            for (size_t i = 0; i < blk->ninsns; i++)
                st = step(&w, &blk->insns[i], st);
            for (size_t s = 0; s < blk->nsucc; s++) {
                unsigned next = in_st[blk->succ[s]] & st;
                if (next != in_st[blk->succ[s]] && blk->succ[s] != 0) {
                    in_st[blk->succ[s]] = next;
                    changed = true;
                }
            }
        }
    }
    w.facts = out;
    for (size_t b = 0; b < nb; b++) {
        unsigned st = in_st[b];
        for (size_t i = 0; i < f->blocks[b].ninsns; i++)
            st = step(&w, &f->blocks[b].insns[i], st);
    }
    free(in_st);
}

static void check_dealloc(const gc_unit *u, const type_def *t)
{
    const ir_func *d = gc_find_func(u, t->slot[TSLOT_DEALLOC]);
    if (!d)
        return;
    dealloc_facts fa;
    scan_dealloc(u, t, d, 0, &fa);
    const char *rule = "gc-dealloc";
    char key[64];
    if (gc_type_is_gc(t) && fa.early.seen)
        gc_report(u, rule, "error", d->name, fa.early.loc,
                  (int)fa.early.loc.line - (int)d->loc.line, "release-before-untrack",
                  xasprintf("%s() releases '%s' while the object is still tracked "
                            "by the garbage collector%s: a collection run by the "
                            "release can visit the half-destroyed object",
                            d->name, fa.early.what, fa.untracks ? " (call "
                            "PyObject_GC_UnTrack first)" : " (it never calls "
                            "PyObject_GC_UnTrack)"));
    if (!fa.frees)
        gc_report(u, rule, "error", d->name, d->loc, 0, "no-free", xasprintf(
                  "%s() (tp_dealloc of %s) never frees the object: call "
                  "Py_TYPE(self)->tp_free(self), or the instance's memory leaks",
                  d->name, t->var));
    if (gc_type_is_gc(t) && fa.plain_free.seen)
        gc_report(u, rule, "error", d->name, fa.plain_free.loc,
                  (int)fa.plain_free.loc.line - (int)d->loc.line, "plain-free",
                  xasprintf("%s() frees an object of GC type %s with %s(); a GC "
                            "object carries the collector's header and must be "
                            "freed with Py_TYPE(self)->tp_free (PyObject_GC_Del)",
                            d->name, t->var, fa.plain_free.what));
    if (t->heap && !fa.decrefs_type && !fa.chains && fa.frees &&
        u->python_version >= 0x03080000)
        gc_report(u, rule, "error", d->name, d->loc, 0, "type-not-released",
                  xasprintf("%s() (tp_dealloc of heap type %s) does not "
                            "Py_DECREF its type: each instance holds a reference "
                            "to a heap type, so the type leaks", d->name, t->var));
    if (fa.raise.seen) {
        snprintf(key, sizeof key, "raise:%s", fa.raise.what);
        gc_report(u, rule, "warning", d->name, fa.raise.loc,
                  (int)fa.raise.loc.line - (int)d->loc.line, key, xasprintf(
                  "%s() calls %s(), which can raise, without saving the current "
                  "exception first (PyErr_Fetch / PyErr_GetRaisedException): "
                  "an exception being propagated while the object dies is lost",
                  d->name, fa.raise.what));
    }
}

/* ---- allocation ---- */

/* Does the store set a pointer-to-object member (of a type of the file,
 * or of another struct when the value stored is an object)? */
static bool sets_object_member(const gc_unit *u, const ir_func *f,
                               const ir_insn *in)
{
    for (size_t i = 0; i < u->types->len; i++) {
        const type_def *t = &u->types->items[i];
        if (t->record && in->target.rec && !strcmp(t->record, in->target.rec))
            return gc_field_index(t, in->target.text) >= 0;
    }
    return in->src.kind == OP_VAR && in->src.var >= 0 &&
           (size_t)in->src.var < f->nvars && f->vars[in->src.var].is_object;
}

static bool stores_member_of(const ir_insn *in, int obj)
{
    return in->kind == INSN_STORE && in->target.kind == OP_FIELD &&
           in->target.var == obj && in->target.text;
}

/* The members of obj stored before instruction i of block b: earlier in
 * b, or in a block from which b can be reached (set to NULL first, say). */
static void stored_before(const ir_func *f, size_t b, size_t i, int obj,
                          const char ***names, size_t *n)
{
    bool *reach = xcalloc(f->nblocks + 1, 1);
    reach[b] = true;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t k = 0; k < f->nblocks; k++)
            for (size_t s = 0; !reach[k] && s < f->blocks[k].nsucc; s++)
                if (reach[f->blocks[k].succ[s]])
                    reach[k] = changed = true;
    }
    size_t cap = 0;
    for (size_t k = 0; k < f->nblocks; k++)
        for (size_t j = 0; reach[k] && j < f->blocks[k].ninsns; j++) {
            if (k == b && j >= i)
                break;
            if (stores_member_of(&f->blocks[k].insns[j], obj))
                ARRAY_PUSH(*names, *n, cap, f->blocks[k].insns[j].target.text);
        }
    free(reach);
}

static bool listed(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return true;
    return false;
}

/* Is a pointer-to-object member of the tracked object (variable obj),
 * not set before, stored on some path from instruction i of block b on?
 * Returns that store, or NULL. */
static const ir_insn *store_after(const gc_unit *u, const ir_func *f,
                                  size_t b, size_t i, int obj)
{
    const char **init = NULL;
    size_t ninit = 0;
    stored_before(f, b, i, obj, &init, &ninit);
    bool *seen = xcalloc(f->nblocks + 1, 1);
    size_t *work = xmalloc((f->nblocks + 1) * sizeof *work), n = 0;
    const ir_insn *hit = NULL;
    size_t start = i + 1;
    for (;;) {
        const cfg_block *blk = &f->blocks[b];
        bool killed = false;
        for (size_t k = start; k < blk->ninsns && !hit && !killed; k++) {
            const ir_insn *in = &blk->insns[k];
            if (stores_member_of(in, obj) && !listed(init, ninit, in->target.text) &&
                sets_object_member(u, f, in))
                hit = in;
            killed = (in->kind == INSN_CALL || in->kind == INSN_ASSIGN) &&
                     in->dst == obj;
        }
        for (size_t s = 0; !hit && !killed && s < blk->nsucc; s++)
            if (!seen[blk->succ[s]]) {
                seen[blk->succ[s]] = true;
                work[n++] = (size_t)blk->succ[s];
            }
        if (hit || n == 0)
            break;
        b = work[--n];
        start = 0;
    }
    free(init);
    free(seen);
    free(work);
    return hit;
}

static void check_allocs_in(const gc_unit *u, const ir_func *f)
{
    const gc_vars *v = gc_vars_of(u, f);
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            const ir_operand *arg;
            api_gc role = gc_role(u, in, &arg);
            int rel = (int)in->loc.line - (int)f->loc.line;
            const type_def *t = role == GC_PLAIN_NEW && arg
                                ? gc_allocated_type(u, v, arg) : NULL;
            if (t && gc_type_is_gc(t))
                gc_report(u, "gc-alloc", "error", f->name, in->loc, rel, t->var,
                          xasprintf("%s() allocates an instance of GC type %s "
                                    "without the collector's header: use "
                                    "PyObject_GC_New (or tp_alloc) for types "
                                    "with Py_TPFLAGS_HAVE_GC", in->callee, t->var));
            const ir_insn *st = role == GC_TRACK && arg && arg->kind == OP_VAR
                                ? store_after(u, f, b, i, arg->var) : NULL;
            if (st)
                gc_report(u, "gc-alloc", "error", f->name, in->loc, rel, "track",
                          xasprintf("%s() starts tracking the object before its "
                                    "member '%s' is set (line %u): the collector "
                                    "can visit it half-initialised; call it last",
                                    in->callee, st->target.text, st->loc.line));
        }
}

void check_gc_funcs(const gc_unit *u)
{
    for (size_t i = 0; i < u->types->len; i++)
        check_dealloc(u, &u->types->items[i]);
    for (size_t i = 0; i < u->nfuncs; i++)
        check_allocs_in(u, u->funcs[i]);
}
