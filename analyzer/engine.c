/* engine.c - path-sensitive walk of one function's CFG.
 *
 * A path_state holds, for the path walked so far: which symbolic value each
 * variable and each memory place (global, field) holds, what is known of
 * each value (ref_value), whether an exception is set, how often each block
 * was entered (loops are followed a bounded number of times, and a state
 * that repeats stops the walk: a fixed point) and the path's trace events.
 * States are copied where paths split: at calls that can fail and at
 * branches.  A state equal to one already seen at the same point is not
 * walked again, and each block accepts a bounded number of distinct states.
 *
 * Checkers run at events (engine.h) before the engine applies an effect.
 *
 * Ownership: the engine owns every path_state and trace event and frees
 * them before engine_analyze returns; findings go to the caller's list. */
#include "engine.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "../rules/format.h"

/* A step of a path, formatted only when a finding needs it. */
typedef enum {
    EVK_NEW,        /* a: API, flag: assumed by convention */
    EVK_INCREF,     /* a: macro */
    EVK_RELEASED,   /* a: variable or NULL, b: how, flag: handed over */
    EVK_FAIL,       /* a: callee, b: error value */
    EVK_NULL_OK,    /* a: callee */
    EVK_BRANCH,     /* a: variable or NULL, flag: taken */
    EVK_MOVED,      /* the old value of a field is now the function's */
    EVK_SLOT,       /* a: callee; the old item of a slot likewise */
    EVK_TYPE_BACK   /* a: callee; a raw free hands back the type's ref */
} event_kind;

typedef struct trace_event {
    int parent;
    ir_loc loc;
    event_kind kind;
    const char *a, *b;     /* strings owned by the IR or static */
    bool flag;
} trace_event;

static char *event_text(const trace_event *ev)
{
    switch (ev->kind) {
    case EVK_NEW:
        return xasprintf("new reference returned by %s()%s", ev->a,
                         ev->flag ? " (assumed by convention)" : "");
    case EVK_INCREF:
        return xasprintf("reference added by %s", ev->a);
    case EVK_RELEASED:
        return ev->a ? xasprintf("'%s' is %s by %s", ev->a,
                                 ev->flag ? "handed over" : "released", ev->b)
                     : xasprintf("the reference is %s by %s",
                                 ev->flag ? "handed over" : "released", ev->b);
    case EVK_FAIL:
        return xasprintf("%s() fails, returning %s with an exception set",
                         ev->a, ev->b);
    case EVK_NULL_OK:
        return xasprintf("%s() returns NULL without an exception", ev->a);
    case EVK_MOVED:
        return xstrdup("the old value is taken out of its field: this "
                       "function now owns that reference");
    case EVK_SLOT:
        return xasprintf("%s overwrites the slot this item was read from: "
                         "this function now owns the container's reference "
                         "to it", ev->a);
    case EVK_TYPE_BACK:
        return xasprintf("%s() frees the object but not the reference to its "
                         "heap type that PyObject_New() took: this function "
                         "now owns that reference", ev->a);
    case EVK_BRANCH:
        if (ev->a && ev->b)   /* b: an int variable */
            return xasprintf("'%s' is %s", ev->a, ev->flag ? "not 0" : "0");
        return ev->a ? xasprintf("'%s' is %s", ev->a, ev->flag ? "not NULL" : "NULL")
                     : xasprintf("taking the %s branch", ev->flag ? "true" : "false");
    }
    return xstrdup("");
}

typedef struct place {
    ir_operand_kind kind;   /* OP_GLOBAL, OP_ADDR_GLOBAL, OP_FIELD or
                               OP_DEREF (an element of memory) */
    int base;               /* OP_FIELD, OP_DEREF: value id of the base */
    const char *name;       /* owned by the IR; OP_DEREF: the member the
                               memory is reached through, or NULL */
    int val;
    ir_index_kind index;    /* OP_DEREF: a constant or a value index */
    long long key;          /* ... the constant, or the index's value id */
} place;

typedef struct path_state {
    int block;
    size_t insn;
    int *var_val;           /* value id per variable, -1 unbound */
    ref_value *vals;
    size_t nvals, capvals;
    place *places;
    size_t nplaces, capplaces;
    unsigned char *visits;  /* per block */
    int trace;              /* last event, -1 none */
    exc_state exc;
    const char *exc_api;    /* the failing call that set the exception */
    bool gil_released;      /* after Py_BEGIN_ALLOW_THREADS */
    ir_loc gil_loc;         /* where it was released */
    const char *gil_api;    /* by which call */
    bool dead;              /* the path crashed (a NULL dereference) */
    ir_loc at;              /* the instruction or terminator being run */
} path_state;

/* What a function's paths returned, gathered for its summary. */
typedef struct summary_acc {
    unsigned returns, ret_new, ret_borrowed, ret_null_exc, ret_null_ok;
    unsigned ret_neg_exc;
    unsigned consumed;      /* params consumed on every returning path */
    unsigned consumed_or_returned; /* ... consumed or returned on each */
    unsigned consumed_any;  /* params consumed on some path */
    unsigned failures;      /* paths returning an error value */
    unsigned consumed_fail; /* params consumed on every such path */
    unsigned successes;     /* the other paths */
    unsigned consumed_ok;   /* params consumed on every such path */
    unsigned zero_fails;    /* int paths returning 0 with an exception */
    unsigned consumed_zero_fail; /* params consumed on every such path */
    unsigned zero_oks;      /* the other paths */
    unsigned zero_successes; /* int paths succeeding with 0 */
    unsigned consumed_zero_ok;   /* params consumed on every such path */
    unsigned ret_param, ret_param_mask; /* paths returning a parameter */
    unsigned ret_static;    /* paths returning a static object, borrowed */
    unsigned ret_stored;    /* paths returning their only reference to an
                               object they also stored away (counted in
                               ret_new too): new or borrowed, as the other
                               paths say */
    unsigned ret_two;       /* paths returning two references of their own */
    unsigned ret_param_ref, ret_param_ref_mask; /* paths returning a
                               parameter with one reference added */
    unsigned ret_fresh;     /* paths returning a newly made object */
    unsigned ret_never_is;  /* other paths returning an object that is
                               never the static object never_is names */
    const char *never_is;   /* ... that global, the same on each */
    bool never_is_mixed;    /* two such paths named different globals */
    unsigned zero_iff;      /* int params that, when 0, make the result
                               0, on every path */
    unsigned nonzero_if;    /* int params that, when not 0, make the
                               result not 0, on every path */
    unsigned null_ok_paths; /* paths returning NULL without an exception */
    unsigned zero_paths;    /* int paths returning a known 0 */
    unsigned null_if;       /* object params NULL on every such path */
    bool may_raise;
} summary_acc;

typedef struct engine {
    const ir_func *f;
    const api_rules *rules, *local;
    unsigned python_version;
    engine_limits lim;
    trace_event *events;
    size_t nevents, capevents;
    path_state **stack;
    size_t sp, capstack;
    uint64_t *seen;         /* open-addressing set of state hashes */
    size_t nseen, capseen;
    unsigned *block_states; /* distinct states accepted per block */
    unsigned *preds;        /* number of predecessors per block */
    uint64_t *keys;         /* hashes of reported finding keys */
    size_t nkeys, capkeys;
    finding_list *out;
    size_t out_start;       /* the first finding of this function in out */
    finding_list unless_two;/* leaks of a second returned reference */
    unsigned steps;
    bool over_budget, capped;
    engine_stats *stats;
    summary_acc acc;
} engine;

struct checker_ctx {
    engine *e;
    path_state *st;
    const cfg_block *b;
    const ir_insn *insn;
    const api_rule *rule;
    int value;
    size_t arg;
};

void engine_default_limits(engine_limits *lim)
{
    lim->max_block_visits = 3;
    lim->max_states_per_block = 512;
    lim->max_steps = 400000;
}

/* ---- states ---- */

static path_state *state_new(const ir_func *f)
{
    path_state *st = xcalloc(1, sizeof *st);
    st->var_val = xmalloc((f->nvars + 1) * sizeof *st->var_val);
    for (size_t i = 0; i < f->nvars; i++)
        st->var_val[i] = -1;
    st->visits = xcalloc(f->nblocks + 1, 1);
    st->trace = -1;
    st->exc = EXC_NO;
    return st;
}

/* A copy of n bytes of src (which may be NULL when n is 0) in a new block
 * of cap bytes. */
static void *copy_block(const void *src, size_t n, size_t cap)
{
    void *p = xmalloc(cap ? cap : 1);
    if (n)
        memcpy(p, src, n);
    return p;
}

static path_state *state_copy(const ir_func *f, const path_state *src)
{
    path_state *st = xmalloc(sizeof *st);
    *st = *src;
    st->var_val = copy_block(src->var_val, f->nvars * sizeof *st->var_val,
                             (f->nvars + 1) * sizeof *st->var_val);
    st->vals = copy_block(src->vals, src->nvals * sizeof *st->vals,
                          (src->capvals + 1) * sizeof *st->vals);
    st->places = copy_block(src->places, src->nplaces * sizeof *st->places,
                            (src->capplaces + 1) * sizeof *st->places);
    st->visits = copy_block(src->visits, f->nblocks, f->nblocks + 1);
    return st;
}

static void state_free(path_state *st)
{
    if (!st)
        return;
    free(st->var_val);
    free(st->vals);
    free(st->places);
    free(st->visits);
    free(st);
}

static int new_value(path_state *st, nullness null, ref_kind kind)
{
    ref_value v;
    memset(&v, 0, sizeof v);
    v.kind = kind;
    v.null = null;
    v.owner = v.name_var = v.slot_of = v.size_of = v.kind_of = v.member_alias = -1;
    v.items_val = v.below = v.same = v.made_of_type = -1;
    v.origin_event = v.null_event = v.release_event = -1;
    v.less_of = -1;
    ARRAY_PUSH(st->vals, st->nvals, st->capvals, v);
    return (int)st->nvals - 1;
}

static int add_event(engine *e, path_state *st, ir_loc loc, event_kind kind,
                     const char *a, const char *b, bool flag)
{
    trace_event ev = { st->trace, loc, kind, a, b, flag };
    ARRAY_PUSH(e->events, e->nevents, e->capevents, ev);
    st->trace = (int)e->nevents - 1;
    return st->trace;
}

static void push(engine *e, path_state *st)
{
    ARRAY_PUSH(e->stack, e->sp, e->capstack, st);
}

/* ---- operands ---- */

static bool same_member(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The slot of a place: a global or field (index IDX_UNKNOWN), or one
 * element of memory, base[key] or base->name[key].  The same base value,
 * name and index (a constant, or the same index value) is the same place,
 * until something may have written to it. */
static int *find_place(path_state *st, ir_operand_kind kind, int base,
                       const char *name, ir_index_kind index, long long key)
{
    for (size_t i = 0; i < st->nplaces; i++) {
        place *p = &st->places[i];
        if (p->kind == kind && p->base == base && p->index == index &&
            p->key == key && same_member(p->name, name))
            return &p->val;
    }
    place p = { kind, base, name, -1, index, 0 };
    p.key = key;
    ARRAY_PUSH(st->places, st->nplaces, st->capplaces, p);
    return &st->places[st->nplaces - 1].val;
}

static int *place_slot(path_state *st, ir_operand_kind kind, int base,
                       const char *name)
{
    return find_place(st, kind, base, name, IDX_UNKNOWN, 0);
}

static int var_value(path_state *st, int var)
{
    if (var < 0)
        return new_value(st, NULL_UNKNOWN, REF_UNKNOWN);
    if (st->var_val[var] < 0)
        st->var_val[var] = new_value(st, NULL_UNKNOWN, REF_UNKNOWN);
    return st->var_val[var];
}

/* The place of an element operand (*p, p[i], self->items[0]), or NULL
 * when its base or index is not known, or it holds no pointer. */
static int *element_place(path_state *st, const ir_operand *op)
{
    /* an element that holds no pointer is not followed: it holds no
     * reference, and following each would multiply the states.  Only a
     * parameter's own output (*out = PyLong_AsLong(o); if (*out == -1 &&
     * PyErr_Occurred())), a bounded few, is followed */
    if (op->var < 0 || op->index == IDX_UNKNOWN)
        return NULL;
    if (op->scalar && op->index != IDX_CONST)
        return NULL;
    if (op->scalar) {
        int owner = var_value(st, op->var);   /* may grow vals: id first */
        if (!st->vals[owner].is_param)
            return NULL;
    }
    long long key = op->ival;
    if (op->index == IDX_VAR) {
        if (op->index_var < 0)
            return NULL;
        key = var_value(st, op->index_var);
    }
    int base = var_value(st, op->var);
    return find_place(st, OP_DEREF, base, op->text, op->index, key);
}

/* The place an operand names (a global, a field or an element), or NULL. */
static int *operand_place(path_state *st, const ir_operand *op)
{
    if (op->kind == OP_DEREF)
        return element_place(st, op);
    if (!op->text)
        return NULL;
    if (op->kind == OP_GLOBAL || op->kind == OP_ADDR_GLOBAL)
        return place_slot(st, op->kind, -1, op->text);
    if (op->kind == OP_FIELD && op->var >= 0) {
        int base = var_value(st, op->var);
        return place_slot(st, OP_FIELD, base, op->text);
    }
    return NULL;
}

/* An element read at a count just lowered (self->data[--self->n]) is no
 * longer counted by its container: the reference it holds is the
 * reader's.  v is that element's new value. */
static void take_off_stack(path_state *st, const ir_operand *op, int v)
{
    if (op->kind != OP_DEREF || op->index != IDX_VAR || op->index_var < 0 ||
        op->scalar)
        return;
    int idx = st->var_val[op->index_var];
    if (idx < 0 || !st->vals[idx].count_lowered)
        return;
    ref_value *rv = &st->vals[v];
    rv->kind = REF_NEW;
    rv->owned = 1;
    rv->tracked = true;
    rv->origin = st->at;
    rv->origin_api = NULL;
}

static int place_value(path_state *st, const ir_operand *op)
{
    int *slot = operand_place(st, op);
    /* a field or global of another C type holds no reference; nothing is
     * assumed of what an element of memory holds */
    ref_kind held = op->scalar || op->kind == OP_DEREF ? REF_UNKNOWN : REF_HELD;
    if (!slot)
        return new_value(st, NULL_UNKNOWN,
                         op->kind == OP_FIELD ? held : REF_UNKNOWN);
    if (*slot >= 0)
        return *slot;
    bool addr = op->kind == OP_ADDR_GLOBAL;
    int v = new_value(st, addr || op->set_at_init ? NULL_NO : NULL_UNKNOWN,
                      addr ? REF_BORROWED : held);
    st->vals[v].static_obj = addr;
    *operand_place(st, op) = v;   /* the places array may have moved */
    take_off_stack(st, op, v);
    return v;
}

static int operand_value(path_state *st, const ir_operand *op)
{
    int v;
    switch (op->kind) {
    case OP_VAR:
        return var_value(st, op->var);
    case OP_NULL:
        return new_value(st, NULL_YES, REF_UNKNOWN);
    case OP_INT:
        v = new_value(st, op->ival ? NULL_NO : NULL_YES, REF_UNKNOWN);
        st->vals[v].sign = op->ival < 0 ? -1 : 1;
        st->vals[v].has_lo = st->vals[v].has_hi = true;
        st->vals[v].lo = st->vals[v].hi = op->ival;
        return v;
    case OP_STRING: case OP_ADDR:
        return new_value(st, NULL_NO, REF_UNKNOWN);
    case OP_GLOBAL: case OP_ADDR_GLOBAL: case OP_FIELD: case OP_DEREF:
        return place_value(st, op);
    default:
        return new_value(st, NULL_UNKNOWN, REF_UNKNOWN);
    }
}

/* ---- checkers ---- */

const ir_func *checker_func(const checker_ctx *cx) { return cx->e->f; }
const cfg_block *checker_block(const checker_ctx *cx) { return cx->b; }
const ir_insn *checker_insn(const checker_ctx *cx) { return cx->insn; }
const api_rule *checker_callee_rule(const checker_ctx *cx) { return cx->rule; }
int checker_event_value(const checker_ctx *cx) { return cx->value; }
void checker_end_path(checker_ctx *cx) { cx->st->dead = true; }
size_t checker_event_arg(const checker_ctx *cx) { return cx->arg; }
exc_state checker_exception(const checker_ctx *cx) { return cx->st->exc; }
const char *checker_exception_source(const checker_ctx *cx) { return cx->st->exc_api; }

bool checker_gil_released(const checker_ctx *cx, ir_loc *where,
                          const char **by)
{
    if (where)
        *where = cx->st->gil_loc;
    if (by)
        *by = cx->st->gil_api;
    return cx->st->gil_released;
}
size_t checker_value_count(const checker_ctx *cx) { return cx->st->nvals; }

const ref_value *checker_value(const checker_ctx *cx, size_t i)
{
    return i < cx->st->nvals ? &cx->st->vals[i] : NULL;
}

const char *checker_value_name(const checker_ctx *cx, int i)
{
    const ir_func *f = cx->e->f;
    if (i < 0 || (size_t)i >= cx->st->nvals)
        return NULL;
    int nv = cx->st->vals[i].name_var;
    if (nv >= 0)
        return f->vars[nv].name;
    for (size_t v = 0; v < f->nvars; v++)
        if (cx->st->var_val[v] == i && f->vars[v].kind != VAR_TEMP)
            return f->vars[v].name;
    return NULL;
}

/* Has a finding with this key been reported?  (A set of key hashes.) */
static bool key_seen(engine *e, const char *key)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = key; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = h ? h : 1;
    if ((e->nkeys + 1) * 2 > e->capkeys) {
        size_t ncap = e->capkeys ? e->capkeys * 2 : 64;
        uint64_t *nk = xcalloc(ncap, sizeof *nk);
        for (size_t i = 0; i < e->capkeys; i++) {
            if (!e->keys[i])
                continue;
            size_t j = e->keys[i] & (ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = e->keys[i];
        }
        free(e->keys);
        e->keys = nk;
        e->capkeys = ncap;
    }
    size_t j = h & (e->capkeys - 1);
    while (e->keys[j]) {
        if (e->keys[j] == h)
            return true;
        j = (j + 1) & (e->capkeys - 1);
    }
    e->keys[j] = h;
    e->nkeys++;
    return false;
}

/* A path longer than this keeps its first and last steps, with a step
 * saying how many were left out between them. */
enum { TRACE_HEAD = 12, TRACE_TAIL = 36 };

static void add_trace(engine *e, finding *fd, int from_event, int last)
{
    size_t n = 0;
    for (int i = last; i >= 0 && i >= from_event; i = e->events[i].parent)
        n++;
    int *chain = xmalloc((n + 1) * sizeof *chain);
    size_t k = n;
    for (int i = last; i >= 0 && i >= from_event; i = e->events[i].parent)
        chain[--k] = i;
    for (size_t j = 0; j < n; j++) {
        if (n > TRACE_HEAD + TRACE_TAIL && j == TRACE_HEAD) {
            const trace_event *ev = &e->events[chain[j]];
            char *msg = xasprintf("... %zu more steps ...", n - TRACE_HEAD - TRACE_TAIL);
            finding_add_step(fd, e->f->file, ev->loc.line, ev->loc.col, msg);
            free(msg);
            j = n - TRACE_TAIL - 1;
            continue;
        }
        const trace_event *ev = &e->events[chain[j]];
        char *msg = event_text(ev);
        finding_add_step(fd, e->f->file, ev->loc.line, ev->loc.col, msg);
        free(msg);
    }
    free(chain);
}

/* The finding a checker reports, with the path that led to it. */
static void make_finding(checker_ctx *cx, const char *rule, const char *severity,
                         ir_loc loc, int from_event, const char *key,
                         const char *message, finding *out)
{
    engine *e = cx->e;
    finding fd;
    memset(&fd, 0, sizeof fd);
    fd.rule = xstrdup(rule);
    fd.severity = xstrdup(severity);
    fd.file = xstrdup(e->f->file);
    fd.line = loc.line;
    fd.col = loc.col;
    fd.function = xstrdup(e->f->name);
    fd.message = xstrdup(message);
    add_trace(e, &fd, from_event < 0 ? 0 : from_event, cx->st->trace);
    if (!cx->insn && cx->b->term == TERM_RETURN)
        finding_add_step(&fd, e->f->file, cx->b->term_loc.line,
                         cx->b->term_loc.col, "the function returns here");
    finding_set_fingerprint(&fd, (int)loc.line - (int)e->f->loc.line, key);
    *out = fd;
}

void checker_report(checker_ctx *cx, const char *rule, const char *severity,
                    ir_loc loc, int from_event, const char *key,
                    const char *message)
{
    char *dedup = xasprintf("%s|%s", rule, key);
    bool dup = key_seen(cx->e, dedup);
    free(dedup);
    if (dup)
        return;
    finding fd;
    make_finding(cx, rule, severity, loc, from_event, key, message, &fd);
    finding_list_push(cx->e->out, &fd);
}

/* Does l hold a finding of rule with fingerprint fp, from index from on? */
static bool has_finding(const finding_list *l, size_t from, const char *rule,
                        const char *fp)
{
    for (size_t i = from; i < l->len; i++)
        if (!strcmp(l->items[i].rule, rule) && !strcmp(l->items[i].fingerprint, fp))
            return true;
    return false;
}

/* A static function whose address the file does not take: the file's
 * own calls are all its callers, and each follows its summary. */
static bool called_by_file_only(const ir_func *f)
{
    return f->is_static && !f->address_taken;
}

bool checker_two_refs_possible(const checker_ctx *cx)
{
    return called_by_file_only(cx->e->f) && cx->e->f->returns_object;
}

void checker_report_unless_two_refs(checker_ctx *cx, const char *rule,
                                    const char *severity, ir_loc loc,
                                    int from_event, const char *key,
                                    const char *message)
{
    finding fd;
    make_finding(cx, rule, severity, loc, from_event, key, message, &fd);
    if (has_finding(&cx->e->unless_two, 0, fd.rule, fd.fingerprint)) {
        finding_clear(&fd);
        return;
    }
    finding_list_push(&cx->e->unless_two, &fd);
}

/* The leaks of a second returned reference stand, unless the summary
 * found two references returned on every path (then the callers own
 * them); the findings already made for the same origin are kept. */
static void settle_second_refs(engine *e, bool two_refs)
{
    for (size_t i = 0; i < e->unless_two.len; i++) {
        finding *fd = &e->unless_two.items[i];
        if (!two_refs && !has_finding(e->out, e->out_start, fd->rule, fd->fingerprint))
            finding_list_push(e->out, fd);
    }
    finding_list_free(&e->unless_two);
}

static void fire(engine *e, path_state *st, const cfg_block *b,
                 const ir_insn *in, engine_event_kind ev, int value,
                 const api_rule *rule, size_t arg)
{
    checker_ctx cx = { e, st, b, in, rule, value, arg };
    for (const checker *c = engine_checkers; c->rule; c++)
        c->on_event(&cx, ev);
}

/* ---- instructions ---- */

static const char *var_label(const ir_func *f, int var)
{
    return var >= 0 && f->vars[var].kind != VAR_TEMP ? f->vars[var].name : NULL;
}

static void exec_assign(engine *e, path_state *st, const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    if (in->minus_one) {
        int n = new_value(st, NULL_UNKNOWN, REF_UNKNOWN);
        st->vals[n].less_of = v;
        v = n;
    }
    st->var_val[in->dst] = v;
    if (st->vals[v].name_var < 0 && var_label(e->f, in->dst))
        st->vals[v].name_var = in->dst;
}

/* Overwriting a field or global moves the reference it held to the
 * function: whoever read the old value now owns it (Py_SETREF, or
 * "tmp = self->x; self->x = NULL; Py_XDECREF(tmp)"). */
/* The function now owns one more reference to value v, got at loc; the
 * first reference it owns starts the value's trace with an event. */
static void gain_reference(engine *e, path_state *st, int v, ir_loc loc,
                           event_kind kind, const char *a)
{
    ref_value *rv = &st->vals[v];
    rv->owned++;
    if (rv->tracked)
        return;
    rv->tracked = true;
    rv->origin = loc;
    rv->origin_api = NULL;
    int ev = add_event(e, st, loc, kind, a, NULL, false);
    st->vals[v].origin_event = ev;
}

static void move_out(engine *e, path_state *st, int old, ir_loc loc)
{
    ref_value *rv = &st->vals[old];
    if (rv->kind != REF_HELD || rv->null == NULL_YES)
        return;
    if (rv->place_released) {
        rv->place_released = false;   /* released before it was replaced */
        return;
    }
    gain_reference(e, st, old, loc, EVK_MOVED, NULL);
}

/* A store may write memory that elements already read stand for: through
 * an element or an unknown place, any element but the one written (two
 * pointers may alias); through a pointer member, the elements reached
 * through that member. */
static void forget_stored_elements(path_state *st, const ir_operand *target,
                                   const int *written)
{
    int base = target->kind == OP_FIELD && target->var >= 0
               ? st->var_val[target->var] : -1;
    if (target->kind != OP_DEREF && target->kind != OP_UNKNOWN && base < 0)
        return;
    for (size_t i = 0; i < st->nplaces; i++) {
        place *p = &st->places[i];
        if (p->kind != OP_DEREF || &p->val == written)
            continue;
        if (base < 0 || (p->base == base && same_member(p->name, target->text)))
            p->val = -1;
    }
}

/* v, one less than the value a place held, is stored back into it: a
 * count lowered by one. */
static void note_lowered(path_state *st, const int *slot, int v)
{
    if (slot && *slot >= 0 && st->vals[v].less_of == *slot)
        st->vals[v].count_lowered = true;
}

static void exec_store(engine *e, path_state *st, const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    int *slot = operand_place(st, &in->target);
    note_lowered(st, slot, v);
    forget_stored_elements(st, &in->target, slot);
    if (slot && *slot >= 0 && *slot != v) {
        int old = *slot;
        *slot = v;
        move_out(e, st, old, in->loc);
    } else if (slot) {
        *slot = v;
    }
    /* a field, a global, memory: owned there (not a member of another C
     * type, or one that holds no reference: a back-pointer) */
    if (in->target.kind != OP_VAR && !in->target.scalar)
        st->vals[v].escaped = true;
}

static void exec_incref(engine *e, path_state *st, const cfg_block *b,
                        const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    fire(e, st, b, in, EV_INCREF, v, NULL, 0);
    ref_value *rv = &st->vals[v];
    if (rv->null == NULL_YES)
        return;
    rv->released = rv->stolen = false;
    gain_reference(e, st, v, in->loc, EVK_INCREF, in->macro);
    if (in->to_member)
        st->vals[v].escaped = true;   /* the member's own reference */
}

/* Does a container that is still alive hold its own reference to rv (a
 * keeps argument of a call that succeeded)? */
static bool kept_by_owner(const path_state *st, const ref_value *rv)
{
    if (rv->owner < 0)
        return false;
    const ref_value *o = &st->vals[rv->owner];
    return !o->released && !o->stolen;
}

static void mark_released(engine *e, path_state *st, int v, ir_loc loc,
                          const char *how, bool stolen)
{
    ref_value *rv = &st->vals[v];
    rv->release_loc = loc;
    rv->release_api = how;
    if (stolen)
        rv->stolen = true;
    else if (rv->kind == REF_NEW && !rv->escaped && kept_by_owner(st, rv))
        rv->kind = REF_BORROWED;   /* alive, borrowed from the container */
    else if (rv->kind == REF_NEW && !rv->escaped)
        rv->released = true;
    else
        return;
    const char *name = var_label(e->f, rv->name_var);
    int ev = add_event(e, st, loc, EVK_RELEASED, name, how, stolen);
    st->vals[v].release_event = ev;
}

static void exec_decref(engine *e, path_state *st, const cfg_block *b,
                        const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    fire(e, st, b, in, EV_DECREF, v, NULL, 0);
    ref_value *rv = &st->vals[v];
    if (rv->owned == 0 && rv->member_alias >= 0) {
        st->vals[rv->member_alias].place_released = true;
        rv->member_alias = -1;
    } else if (rv->null != NULL_YES && rv->owned == 0 && rv->kind == REF_HELD)
        rv->place_released = true;
    else if (rv->null != NULL_YES && rv->owned > 0 && --rv->owned == 0)
        mark_released(e, st, v, in->loc, in->macro, false);
    else if (rv->null != NULL_YES && rv->owned == 0 && (rv->is_param || rv->param_alias))
        rv->stolen = true;   /* the caller's reference was consumed */
    if (in->clears && in->src.kind == OP_VAR)
        st->var_val[in->src.var] = new_value(st, NULL_YES, REF_UNKNOWN);
}

static int first_object_arg(path_state *st, const ir_insn *in);

/* Take the references of the arguments in mask.  On success the container
 * (the call's first object argument) now holds them; when the call failed
 * they were released. */
static void steal_args(engine *e, path_state *st, const cfg_block *b,
                       const ir_insn *in, const api_rule *rule, unsigned mask,
                       bool failed)
{
    for (size_t i = 0; i < in->nargs && i < 32; i++) {
        if (!(mask & (1u << i)))
            continue;
        int v = operand_value(st, &in->args[i]);
        if (st->vals[v].null == NULL_YES)
            continue;
        fire(e, st, b, in, EV_STEAL, v, rule, i);
        int owner = first_object_arg(st, in);
        ref_value *rv = &st->vals[v];
        if (rv->owned > 0 && rv->is_param) {
            /* the reference the function added to its argument is handed
             * over (Py_INCREF then PyTuple_SET_ITEM), not the caller's */
            rv->owned--;
        } else if (rv->owned > 0 && --rv->owned == 0) {
            mark_released(e, st, v, in->loc, in->callee, true);
            /* now borrowed from the container that took it */
            if (owner != v && !failed)
                st->vals[v].owner = owner;
        } else if (rv->owned == 0 && rv->is_param) {
            rv->stolen = true;   /* the caller's reference was handed on */
        } else if (rv->owned == 0 && rv->kind == REF_HELD) {
            /* a field's own reference handed over: the field no longer
             * owns what it points to (PyErr_Restore(self->type, ...)) */
            rv->place_released = true;
        }
    }
}

/* After a call that succeeded: the container (argument 1) holds its own
 * reference to the arguments the rule says it keeps, so an owned one
 * that the function releases is then borrowed from the container. */
static void keep_args(path_state *st, const ir_insn *in, const api_rule *r)
{
    if (!r->keeps || in->nargs == 0)
        return;
    int container = operand_value(st, &in->args[0]);
    for (size_t i = 1; i < in->nargs && i < 32; i++) {
        if (!(r->keeps & (1u << i)))
            continue;
        int v = operand_value(st, &in->args[i]);
        ref_value *rv = &st->vals[v];
        if (v != container && rv->kind == REF_NEW && rv->owned > 0)
            rv->owner = container;
    }
}

/* What was known of the members of base, if they hold no reference the
 * function tracks, is forgotten: something may have set them. */
static void forget_members(path_state *st, int base)
{
    for (size_t i = 0; i < st->nplaces; i++) {
        place *p = &st->places[i];
        if (p->kind == OP_FIELD && p->base == base && p->val >= 0 &&
            !st->vals[p->val].tracked && st->vals[p->val].owned == 0)
            p->val = -1;
    }
}

/* Out-parameters (&var) receive values the engine knows nothing about;
 * what the variable held is now the callee's business (it may have been
 * taken over, as PyErr_NormalizeException does). */
static void bind_out_params(const engine *e, path_state *st, const ir_insn *in)
{
    for (size_t i = 0; i < in->nargs; i++) {
        if (in->args[i].kind != OP_ADDR || in->args[i].var < 0)
            continue;
        int sv = st->var_val[in->args[i].var];
        if (e->f->vars[in->args[i].var].is_struct && sv >= 0) {
            /* &s: the callee may set its members; a reference the
             * function keeps in one is still its own (_bump(&ctx)
             * resizing ctx.tuple) */
            forget_members(st, sv);
            continue;
        }
        int old = st->var_val[in->args[i].var];
        if (old >= 0)
            st->vals[old].escaped = true;
        st->var_val[in->args[i].var] = new_value(st, NULL_UNKNOWN, REF_UNKNOWN);
    }
}

/* Value v is the new reference(s) call in gives the function: owned, with
 * the call as its origin and the first event of its trace. */
static void own_new_reference(engine *e, path_state *st, int v,
                              const ir_insn *in, int owned, bool assumed)
{
    ref_value *rv = &st->vals[v];
    rv->tracked = true;
    rv->owned = owned;
    rv->assumed = assumed;
    rv->origin = in->loc;
    rv->origin_api = in->callee ? in->callee : "an indirect call";
    int ev = add_event(e, st, in->loc, EVK_NEW, rv->origin_api, NULL, assumed);
    st->vals[v].origin_event = ev;
}

/* The PyObject ** argument of an out-new call (&attr) gets a new reference
 * (found) or NULL. */
static void bind_out_new(engine *e, path_state *st, const ir_insn *in,
                         const api_rule *r, bool found)
{
    if (!r->out_new || r->out_new > in->nargs)
        return;
    const ir_operand *a = &in->args[r->out_new - 1];
    if (a->kind != OP_ADDR || a->var < 0 || !e->f->vars[a->var].is_object)
        return;
    int v = new_value(st, found ? NULL_NO : NULL_YES,
                      found ? REF_NEW : REF_UNKNOWN);
    st->var_val[a->var] = v;
    if (found)
        own_new_reference(e, st, v, in, 1, false);
}

/* ---- calls ---- */

/* What the engine assumes of a call: the rules, a summary, or CPython's
 * convention for an unknown function returning an object. */
typedef struct call_model {
    api_rule rule;
    bool known;
    bool assumed;
} call_model;

static bool rule_applies(const engine *e, const api_rule *rule)
{
    if (!rule)
        return false;
    if (!e->python_version)
        return true;
    return (!rule->since || e->python_version >= rule->since) &&
           (!rule->until || e->python_version < rule->until);
}

static call_model model_call(const engine *e, const ir_insn *in)
{
    call_model m;
    memset(&m, 0, sizeof m);
    const api_rule *r = api_rules_find(e->local, in->callee, false);
    if (!rule_applies(e, r))
        r = api_rules_find(e->rules, in->callee, false);
    if (!in->callee && in->via)
        r = api_rules_find_slot(e->rules, in->via);
    if (rule_applies(e, r)) {
        m.rule = *r;
        m.known = true;
    } else if (in->dst >= 0 && e->f->vars[in->dst].is_object) {
        m.rule.ret = RET_NEW;
        m.rule.fail = FAIL_NULL;
        m.assumed = true;
    }
    return m;
}

static int first_object_arg(path_state *st, const ir_insn *in)
{
    for (size_t i = 0; i < in->nargs; i++)
        if (in->args[i].kind == OP_VAR || in->args[i].kind == OP_FIELD ||
            in->args[i].kind == OP_GLOBAL)
            return operand_value(st, &in->args[i]);
    return -1;
}

/* The index of an item call: a constant, or the index variable's value. */
static bool slot_index(path_state *st, const ir_operand *op, int *kind,
                       long long *key)
{
    if (op->kind == OP_INT) {
        *kind = 1;
        *key = op->ival;
        return true;
    }
    if (op->kind == OP_VAR) {
        *kind = 2;
        *key = operand_value(st, op);
        return true;
    }
    return false;
}

/* The slot an item call names. */
typedef struct item_slot {
    int container;          /* value id of the container, -1: a table */
    const char *table;      /* the file's table (rule table=), or NULL */
    int kind;               /* slot_index's kind and key */
    long long key;
} item_slot;

/* The slot of an item call: index argument 2 of container argument 1, or
 * for an accessor of one of the file's tables, element argument
 * table_index of that table (one fixed slot without one).  False when
 * the index is not followed or an argument is missing. */
static bool call_slot(path_state *st, const ir_insn *in, const api_rule *r,
                      size_t nargs, item_slot *s)
{
    s->container = -1;
    s->table = r->table;
    if (r->table && !r->table_index) {
        s->kind = 1;
        s->key = 0;
        return true;
    }
    if (r->table)
        return r->table_index <= in->nargs &&
               slot_index(st, &in->args[r->table_index - 1], &s->kind, &s->key);
    if (in->nargs < nargs || !slot_index(st, &in->args[1], &s->kind, &s->key))
        return false;
    s->container = operand_value(st, &in->args[0]);
    return true;
}

static void set_slot(path_state *st, int v, const ir_insn *in,
                     const api_rule *r)
{
    item_slot s;
    if (!call_slot(st, in, r, 2, &s))
        return;
    ref_value *rv = &st->vals[v];
    rv->slot_of = s.container;
    rv->slot_table = s.table;
    rv->slot_kind = s.kind;
    rv->slot_key = s.key;
}

/* Was rv read out of slot s? */
static bool in_slot(const ref_value *rv, const item_slot *s)
{
    bool same = s->table ? rv->slot_table && !strcmp(rv->slot_table, s->table)
                         : rv->slot_of >= 0 && rv->slot_of == s->container;
    return same && rv->slot_kind == s->kind && rv->slot_key == s->key;
}

/* An item-set call overwrites a slot without releasing its item: an item
 * read from that slot before is now the function's to release. */
static void take_out_of_slot(engine *e, path_state *st, const ir_insn *in,
                             const api_rule *r)
{
    item_slot s;
    if (!call_slot(st, in, r, 3, &s))
        return;
    for (size_t v = 0; v < st->nvals; v++) {
        ref_value *rv = &st->vals[v];
        if (!in_slot(rv, &s) || rv->null == NULL_YES)
            continue;
        rv->slot_of = -1;
        rv->slot_table = NULL;
        rv->owner = -1;
        rv->slot_taken = true;
        gain_reference(e, st, (int)v, in->loc, EVK_SLOT, in->callee);
    }
}

/* Is the result of this call a newly made object: a constructor's, or a
 * Py_BuildValue whose format makes a tuple, list or dict? */
static bool result_is_fresh(const ir_insn *in, const api_rule *r)
{
    if (r->fresh)
        return true;
    if (!r->format_result || !r->format_arg || in->nargs < r->format_arg)
        return false;
    const ir_operand *fa = &in->args[r->format_arg - 1];
    return fa->kind == OP_STRING && fa->text &&
           format_builds_container(fa->text);
}

/* A call that returns its argument with one more reference (returns-arg):
 * the result is the argument's value, and the function owns one more
 * reference to it.  False when the argument is not an object. */
static bool result_is_argument(engine *e, path_state *st, const ir_insn *in,
                               const api_rule *r)
{
    if (!r->returns_arg || r->returns_arg > in->nargs)
        return false;
    const ir_operand *a = &in->args[r->returns_arg - 1];
    if (a->kind != OP_FIELD && a->kind != OP_GLOBAL &&
        !(a->kind == OP_VAR && e->f->vars[a->var].is_object))
        return false;
    int v = operand_value(st, a);
    st->var_val[in->dst] = v;
    ref_value *rv = &st->vals[v];
    if (rv->null == NULL_YES)
        return true;
    rv->released = rv->stolen = false;
    gain_reference(e, st, v, in->loc, EVK_NEW,
                   in->callee ? in->callee : "an indirect call");
    return true;
}

static void set_result(engine *e, path_state *st, const ir_insn *in,
                       const call_model *m)
{
    if (in->dst < 0)
        return;
    const api_rule *r = &m->rule;
    if (result_is_argument(e, st, in, r))
        return;
    bool obj = e->f->vars[in->dst].is_object;
    nullness null = r->tests_error ? NULL_UNKNOWN
                    : r->ret == RET_NULL ? NULL_YES
                    : r->fail == FAIL_NULL || r->fail == FAIL_ZERO ? NULL_NO
                    : obj && (r->ret == RET_NEW || r->ret == RET_BORROWED) ? NULL_NO
                    : NULL_UNKNOWN;
    ref_kind kind = r->ret == RET_NEW ? REF_NEW
                    : r->ret == RET_BORROWED ? REF_BORROWED : REF_UNKNOWN;
    int owner = kind == REF_BORROWED ? first_object_arg(st, in) : -1;
    int v = new_value(st, null, kind);
    st->var_val[in->dst] = v;
    if (r->item_get)
        set_slot(st, v, in, r);
    if (r->tests_kind && r->tests_kind_arg <= in->nargs) {
        int tested = operand_value(st, &in->args[r->tests_kind_arg - 1]);
        st->vals[v].kind_of = tested;
        st->vals[v].kind_tested = r->tests_kind;
    }
    if (r->new_size_arg && r->new_size_arg <= in->nargs &&
        in->args[r->new_size_arg - 1].kind == OP_INT)
        st->vals[v].min_items = in->args[r->new_size_arg - 1].ival;
    else if (r->new_size_arg && r->new_size_arg <= in->nargs) {
        int n = operand_value(st, &in->args[r->new_size_arg - 1]);
        st->vals[v].items_val = n;
    }
    if (r->size_of && in->nargs >= 1) {
        int c = operand_value(st, &in->args[0]);
        st->vals[v].size_of = c;
    }
    if (r->or_static)
        st->vals[v].maybe_static = true;
    st->vals[v].fresh = result_is_fresh(in, r);
    st->vals[v].never_is = r->never_is;
    if (r->returns_zero) {
        st->vals[v].null = NULL_YES;
        st->vals[v].sign = 1;       /* >= 0 */
    }
    if (r->zero_iff_arg && r->zero_iff_arg <= in->nargs) {
        int zi = operand_value(st, &in->args[r->zero_iff_arg - 1]);
        nullness z = st->vals[zi].null;   /* after operand_value: it may grow vals */
        if (z == NULL_YES)
            st->vals[v].null = NULL_YES;
    }
    if (r->nonzero_if_arg && r->nonzero_if_arg <= in->nargs) {
        int ni = operand_value(st, &in->args[r->nonzero_if_arg - 1]);
        if (st->vals[ni].null == NULL_NO)
            st->vals[v].null = NULL_NO;
    }
    ref_value *rv = &st->vals[v];
    rv->owner = owner;
    rv->err_indicator = r->tests_error;
    rv->made = r->makes;
    if (r->fail == FAIL_NEG1) {
        rv->sign = 1;
        rv->status = m->known && !r->returns_value && r->origin;
    }
    if ((r->gc == GC_NEW || r->gc == GC_PLAIN_NEW) && r->gc_arg &&
        r->gc_arg <= in->nargs) {
        int t = operand_value(st, &in->args[r->gc_arg - 1]);
        rv = &st->vals[v];   /* operand_value may have moved the values */
        /* a parameter (tp_new's type) is most often a static type, which
         * the object holds no reference to */
        if (!st->vals[t].static_obj && !st->vals[t].is_param)
            rv->made_of_type = t;
    }
    if (kind == REF_NEW && null != NULL_YES) {
        rv->summarized = m->known && r->origin && !strcmp(r->origin, "summary");
        own_new_reference(e, st, v, in, r->two_refs ? 2 : 1, m->assumed);
    }
}

/* The outcome of a call that returns NULL (or its error value): with an
 * exception set (failure) or without (null-ok). */
static path_state *null_outcome(engine *e, const path_state *st,
                                const cfg_block *b, const ir_insn *in,
                                const call_model *m, bool failure)
{
    const api_rule *r = &m->rule;
    path_state *fs = state_copy(e->f, st);
    steal_args(e, fs, b, in, r, failure ? r->steals | r->steals_on_failure
                                        : r->steals, failure);
    bind_out_params(e, fs, in);
    bind_out_new(e, fs, in, r, false);
    const char *callee = in->callee ? in->callee : "the call";
    if (failure) {
        fs->exc = EXC_YES;
        fs->exc_api = callee;
    }
    if (in->dst >= 0) {
        bool zero = r->fail == FAIL_NULL || r->fail == FAIL_ZERO || !failure;
        int v = new_value(fs, zero ? NULL_YES : NULL_NO, REF_UNKNOWN);
        fs->vals[v].sign = failure && (r->fail == FAIL_NEG1 ||
                                       r->fail == FAIL_OCCURRED) ? -1 : 0;
        fs->vals[v].null_api = callee;
        fs->var_val[in->dst] = v;
    }
    const char *what = r->fail == FAIL_NEG1 ? "-1" : r->fail == FAIL_ZERO ? "0"
                       : r->fail == FAIL_OCCURRED ? "an error value" : "NULL";
    int ev = add_event(e, fs, in->loc, failure ? EVK_FAIL : EVK_NULL_OK,
                       callee, what, false);
    if (in->dst >= 0)
        fs->vals[fs->var_val[in->dst]].null_event = ev;
    return fs;
}

static void check_args(engine *e, path_state *st, const cfg_block *b,
                       const ir_insn *in, const call_model *m)
{
    for (size_t i = 0; i < in->nargs; i++) {
        const ir_operand *a = &in->args[i];
        if (a->kind != OP_VAR && a->kind != OP_FIELD && a->kind != OP_GLOBAL &&
            a->kind != OP_NULL)
            continue;
        int v = operand_value(st, a);
        fire(e, st, b, in, EV_ARG, v, m->known ? &m->rule : NULL, i);
    }
}

/* The roles of the arguments of a format-driven call, or -1 when the call
 * has no literal format. */
static int format_roles(const ir_insn *in, const api_rule *r, format_arg *roles)
{
    if (!r->format_arg || in->nargs < r->format_arg)
        return -1;
    const ir_operand *fa = &in->args[r->format_arg - 1];
    if (fa->kind != OP_STRING || !fa->text)
        return -1;
    char err[256];
    return format_walk(r->format_build ? FORMAT_BUILD : FORMAT_PARSE, fa->text,
                       roles, FORMAT_MAX_ARGS, err, sizeof err);
}

/* "N" units of a build format take over their argument's reference. */
static unsigned format_steals(const api_rule *r, const format_arg *roles, int n)
{
    unsigned mask = 0;
    for (int k = 0; k < n && k < FORMAT_MAX_ARGS; k++) {
        unsigned idx = r->format_values - 1 + (unsigned)k;
        if (roles[k] == FARG_OBJECT_STEAL && idx < 32)
            mask |= 1u << idx;
    }
    return mask;
}

/* "O" units of a parse format store borrowed references (owned by the
 * parsed tuple, argument 1) into their PyObject ** argument. */
static void format_outputs(path_state *st, const ir_insn *in, const api_rule *r,
                           const format_arg *roles, int n)
{
    for (int k = 0; k < n && k < FORMAT_MAX_ARGS; k++) {
        size_t idx = r->format_values - 1 + (size_t)k;
        if (idx >= in->nargs)
            break;
        const ir_operand *a = &in->args[idx];
        if ((roles[k] != FARG_OBJECT_OUT && roles[k] != FARG_OBJECT_OPT) ||
            a->kind != OP_ADDR || a->var < 0)
            continue;
        int old = st->var_val[a->var];
        nullness null = roles[k] == FARG_OBJECT_OUT ? NULL_NO
                        : old >= 0 && st->vals[old].null == NULL_NO ? NULL_NO
                        : NULL_UNKNOWN;
        int v = new_value(st, null, REF_BORROWED);
        st->vals[v].owner = in->nargs ? operand_value(st, &in->args[0]) : -1;
        st->vals[v].name_var = a->var;
        st->var_val[a->var] = v;
    }
}

/* PyArg_UnpackTuple-style outputs: every argument from the rule's
 * position on is an optional borrowed output. */
static int unpack_roles(const ir_insn *in, const api_rule *r, format_arg *roles)
{
    int n = 0;
    for (size_t i = r->unpack_outputs - 1; i < in->nargs && n < FORMAT_MAX_ARGS; i++)
        roles[n++] = FARG_OBJECT_OPT;
    return n;
}

/* Is an object argument NULL on this path (for calls that check)? */
static bool null_argument(const engine *e, path_state *st, const ir_insn *in)
{
    for (size_t i = 0; i < in->nargs; i++) {
        const ir_operand *a = &in->args[i];
        bool object = a->kind == OP_NULL || a->kind == OP_GLOBAL ||
                      a->kind == OP_FIELD ||
                      (a->kind == OP_VAR && e->f->vars[a->var].is_object);
        int ai = object ? operand_value(st, a) : -1;
        if (object && st->vals[ai].null == NULL_YES)
            return true;
    }
    return false;
}

/* A constant index below the item count tested before (after
 * "PyTuple_GET_SIZE(t) == 1", PyTuple_GetItem(t, 0) cannot fail). */
static bool known_index(path_state *st, const ir_insn *in)
{
    int c = operand_value(st, &in->args[0]);
    if (in->args[1].kind == OP_VAR) {
        /* for (i = 0; i < n; i++) PyTuple_SetItem(t, i, ...) on a
         * PyTuple_New(n) */
        int i = operand_value(st, &in->args[1]);
        return st->vals[c].items_val >= 0 && st->vals[i].below == st->vals[c].items_val;
    }
    if (in->args[1].kind != OP_INT || in->args[1].ival < 0)
        return false;
    return in->args[1].ival < st->vals[c].min_items;
}

/* On a path where an exception is already set, a call that fails again
 * adds nothing a checker needs: that path is already in error (the
 * checkers report what it does wrong), so its calls are taken to succeed.
 * Calls with output arguments still split, so that what each outcome
 * holds stays right.  This keeps a run of unchecked calls
 * (PyModule_AddIntConstant, PyModule_AddObject, PyStructSequence_SET_ITEM
 * of PyLong_FromLong ...) from doubling the paths at each call. */
static bool failure_is_moot(const path_state *st, const ir_insn *in,
                            const api_rule *r)
{
    if (st->exc != EXC_YES || r->format_arg || r->unpack_outputs)
        return false;
    for (size_t i = 0; i < in->nargs; i++)
        if (in->args[i].kind == OP_ADDR)
            return false;
    return true;
}

/* A function of the file, or an unknown one, handed a struct may set its
 * members (realize(ct) fills ct->stuff): what was known of them, if it
 * holds no reference the function tracks, is forgotten. */
static void forget_fields(path_state *st, const ir_insn *in)
{
    for (size_t a = 0; a < in->nargs; a++) {
        if (in->args[a].kind != OP_VAR || st->var_val[in->args[a].var] < 0)
            continue;
        forget_members(st, st->var_val[in->args[a].var]);
    }
}

/* A call may write the memory its pointer arguments point to, and one
 * this engine knows nothing of (or knows by a summary only) any memory:
 * the elements it may have written are read anew afterwards. */
static void forget_call_elements(path_state *st, const ir_insn *in, bool all)
{
    for (size_t i = 0; i < st->nplaces; i++) {
        place *p = &st->places[i];
        if (p->kind != OP_DEREF || p->val < 0)
            continue;
        bool passed = all;
        for (size_t a = 0; a < in->nargs && !passed; a++)
            passed = (in->args[a].kind == OP_VAR || in->args[a].kind == OP_ADDR) &&
                     in->args[a].var >= 0 &&
                     st->var_val[in->args[a].var] == p->base;
        if (passed)
            p->val = -1;
    }
}

/* A call that reads or sets a member of its first argument (rule
 * member=): the result is what the member holds / the member holds its
 * second argument, as for o->member. */
static void member_access(path_state *st, const ir_insn *in, const api_rule *r)
{
    if (!r->member || in->nargs < 1 || in->args[0].kind != OP_VAR)
        return;
    ir_operand field = ir_op_var(in->args[0].var);
    field.kind = OP_FIELD;
    field.text = r->member;    /* borrowed from the rule, not freed */
    field.scalar = true;
    if (r->ret == RET_VOID && in->nargs >= 2) {
        int v = operand_value(st, &in->args[1]);
        int *slot = operand_place(st, &field);
        note_lowered(st, slot, v);
        *slot = v;
    } else if (r->ret != RET_VOID && in->dst >= 0) {
        st->var_val[in->dst] = place_value(st, &field);
    }
}

/* Is the call one that fails only for an argument of the wrong kind
 * (PyBytes_AsString), handed an object made by a constructor of the kind
 * it wants (PyBytes_FromStringAndSize)? */
static bool right_kind_argument(path_state *st, const ir_insn *in,
                                const api_rule *r)
{
    if (!r->fails_unless || r->fails_unless_arg > in->nargs)
        return false;
    int v = operand_value(st, &in->args[r->fails_unless_arg - 1]);
    return st->vals[v].made == r->fails_unless && st->vals[v].null == NULL_NO;
}

/* PyObject_Del(o) of an object this function made with PyObject_New() of
 * a heap type frees the memory only: the reference to the type that the
 * object held is now the function's to release (Py_DECREF(o) would have
 * run the type's dealloc, which releases it). */
static void type_ref_back(engine *e, path_state *st, const ir_insn *in,
                          const api_rule *r)
{
    if ((r->gc != GC_FREE && r->gc != GC_PLAIN_FREE) || !r->gc_arg ||
        r->gc_arg > in->nargs)
        return;
    int o = operand_value(st, &in->args[r->gc_arg - 1]);
    int t = st->vals[o].made_of_type;
    if (t < 0 || st->vals[o].null == NULL_YES)
        return;
    st->vals[o].made_of_type = -1;
    bool fresh_ref = !st->vals[t].tracked;
    gain_reference(e, st, t, in->loc, EVK_TYPE_BACK, in->callee);
    if (fresh_ref)
        st->vals[t].type_ref = true;
}

/* An out-new call that succeeded: 1 with a new reference in the output,
 * or (a second state, pushed) 0 with NULL there. */
static void split_out_new(engine *e, path_state *st, const ir_insn *in,
                          const api_rule *r)
{
    if (!r->out_new)
        return;
    path_state *ns = state_copy(e->f, st);
    const ir_operand zero = ir_op_int(0), one = ir_op_int(1);
    if (in->dst >= 0)
        ns->var_val[in->dst] = operand_value(ns, &zero);
    bind_out_new(e, ns, in, r, false);
    push(e, ns);
    if (in->dst >= 0)
        st->var_val[in->dst] = operand_value(st, &one);
    bind_out_new(e, st, in, r, true);
}

static void exec_call(engine *e, path_state *st, const cfg_block *b,
                      const ir_insn *in)
{
    call_model m = model_call(e, in);
    format_arg roles[FORMAT_MAX_ARGS];
    int nroles = format_roles(in, &m.rule, roles);
    if (m.rule.unpack_outputs) {
        m.rule.format_values = m.rule.unpack_outputs;
        nroles = unpack_roles(in, &m.rule, roles);
    }
    if (nroles > 0)
        m.rule.steals |= format_steals(&m.rule, roles, nroles);
    const api_rule *r = &m.rule;
    check_args(e, st, b, in, &m);
    if (m.known)
        fire(e, st, b, in, EV_CALL, -1, &m.rule, 0);
    if (m.known && r->releases_gil) {
        st->gil_released = true;
        st->gil_loc = in->loc;
        st->gil_api = in->callee;
    }
    if (m.known && r->acquires_gil)
        st->gil_released = false;
    /* an item at a variable index (a loop over the container) is taken to
     * be in range: only a constant index is followed to IndexError */
    bool ranged = (r->item_get && !r->table && in->nargs >= 2 &&
                   (in->args[1].kind == OP_VAR || known_index(st, in))) ||
                  (r->item_put && in->nargs >= 3 && known_index(st, in));
    /* PyLong_FromLong(0): a small int the interpreter keeps */
    bool cached = r->cached_range && in->nargs >= 1 && in->args[0].kind == OP_INT &&
                  in->args[0].ival >= r->cached_lo && in->args[0].ival <= r->cached_hi;
    bool can_fail = !cached && (r->fail == FAIL_NULL || r->fail == FAIL_NEG1 ||
                     r->fail == FAIL_ZERO || r->fail == FAIL_OCCURRED) &&
                    !r->misuse_only && !ranged && !right_kind_argument(st, in, r);
    if (can_fail && r->checks_null && null_argument(e, st, in)) {
        /* it refuses the NULL: only the failure outcome is possible */
        path_state *fs = null_outcome(e, st, b, in, &m, true);
        path_state old = *st;
        *st = *fs;
        *fs = old;
        state_free(fs);
        return;
    }
    nullness keyed = NULL_UNKNOWN;   /* the argument a NULL result follows */
    if (r->null_if_arg && r->null_if_arg <= in->nargs) {
        int ki = operand_value(st, &in->args[r->null_if_arg - 1]);
        keyed = st->vals[ki].null;
    }
    if (keyed == NULL_YES && in->dst >= 0) {
        /* helper(NULL) gives NULL back and leaves the exception as it is */
        path_state *ns = null_outcome(e, st, b, in, &m, false);
        path_state old = *st;
        *st = *ns;
        *ns = old;
        state_free(ns);
        return;
    }
    if (can_fail && !failure_is_moot(st, in, r))
        push(e, null_outcome(e, st, b, in, &m, true));
    if (r->null_ok && in->dst >= 0 && keyed != NULL_NO)
        push(e, null_outcome(e, st, b, in, &m, false));
    if ((!m.known && !m.assumed) || (m.known && r->may_raise && st->exc == EXC_NO))
        st->exc = EXC_MAYBE;
    if (r->raises) {
        st->exc = EXC_YES;
        st->exc_api = NULL;
    }
    if (r->clears_error)
        st->exc = EXC_NO;
    if (r->item_set)
        take_out_of_slot(e, st, in, r);
    /* an unknown function, or one known by its summary only, may set
     * what it is handed */
    bool opaque = !m.known || (r->origin && !strcmp(r->origin, "summary"));
    if (opaque)
        forget_fields(st, in);
    forget_call_elements(st, in, opaque);
    steal_args(e, st, b, in, r, r->steals | r->steals_on_success, false);
    type_ref_back(e, st, in, r);
    keep_args(st, in, r);
    bind_out_params(e, st, in);
    if (nroles > 0 && !r->format_build)
        format_outputs(st, in, r, roles, nroles);
    set_result(e, st, in, &m);
    if (m.known)
        member_access(st, in, r);
    split_out_new(e, st, in, r);
}

static void exec_insn(engine *e, path_state *st, const cfg_block *b,
                      const ir_insn *in)
{
    int v;
    switch (in->kind) {
    case INSN_CALL: exec_call(e, st, b, in); break;
    case INSN_ASSIGN: exec_assign(e, st, in); break;
    case INSN_STORE: exec_store(e, st, in); break;
    case INSN_INCREF: exec_incref(e, st, b, in); break;
    case INSN_DECREF: exec_decref(e, st, b, in); break;
    case INSN_USE:
        v = operand_value(st, &in->src);
        fire(e, st, b, in, EV_USE, v, NULL, 0);
        st->vals[v].null = NULL_NO;
        break;
    }
}

/* ---- branches ---- */

/* Is v known never to be the static object &global names (a never-is
 * call's result: PyNumber_Add's is never &_Py_NotImplementedStruct)? */
static bool never_this_static(const ref_value *v, const ir_operand *global)
{
    return v->never_is && global->text && !strcmp(v->never_is, global->text);
}

/* Can the condition be true / false in this state? */
/* Is value a known to be less than value b: after a < b, or a < c with c
 * known equal to b? */
static bool known_below(const path_state *st, int a, int b)
{
    int c = st->vals[a].below;
    return c >= 0 && (c == b || st->vals[c].same == b || st->vals[b].same == c);
}

/* The comparison of l with r turned around, for r cmp l. */
static ir_cmp mirror_cmp(ir_cmp c)
{
    static const ir_cmp mirror[] = {
        [CMP_LT] = CMP_GT, [CMP_LE] = CMP_GE, [CMP_GT] = CMP_LT,
        [CMP_GE] = CMP_LE, [CMP_EQ] = CMP_EQ, [CMP_NE] = CMP_NE,
    };
    return mirror[c];
}

static ir_cmp negate_cmp(ir_cmp c)
{
    static const ir_cmp negation[] = {
        [CMP_LT] = CMP_GE, [CMP_LE] = CMP_GT, [CMP_GT] = CMP_LE,
        [CMP_GE] = CMP_LT, [CMP_EQ] = CMP_NE, [CMP_NE] = CMP_EQ,
    };
    return negation[c];
}

/* ---- int ranges ---- */

/* What is known of an int: lo <= v <= hi, and whether it is nonzero. */
typedef struct int_range {
    long long lo, hi;
    bool nonzero;
} int_range;

static bool operand_unsigned(const ir_func *f, const ir_operand *op)
{
    return op->kind == OP_VAR && op->var >= 0 && f->vars[op->var].is_unsigned;
}

/* The range of value id: its bounds, its sign, whether it is 0, and for a
 * variable of an unsigned type, 0 at least. */
static int_range value_range(const path_state *st, int id, bool is_unsigned)
{
    const ref_value *v = &st->vals[id];
    int_range r = { LLONG_MIN, LLONG_MAX, v->null == NULL_NO };
    if (v->has_lo)
        r.lo = v->lo;
    if (v->has_hi)
        r.hi = v->hi;
    if (v->sign < 0 && r.hi > -1)
        r.hi = -1;
    if ((v->sign > 0 || (is_unsigned && r.hi >= 0)) && r.lo < 0)
        r.lo = 0;
    if (v->null == NULL_YES) {
        r.lo = r.lo > 0 ? r.lo : 0;
        r.hi = r.hi < 0 ? r.hi : 0;
    }
    if (r.nonzero && r.lo == 0)
        r.lo = 1;
    if (r.nonzero && r.hi == 0)
        r.hi = -1;
    return r;
}

static bool range_is(const int_range *r, long long k)
{
    return r->lo == k && r->hi == k;
}

/* Which outcomes "a cmp b" can have, from the two ranges. */
static void range_outcomes(const int_range *a, const int_range *b, ir_cmp cmp,
                           bool *can_t, bool *can_f)
{
    bool may_eq = a->lo <= b->hi && b->lo <= a->hi &&
                  !(range_is(a, 0) && b->nonzero) &&
                  !(range_is(b, 0) && a->nonzero);
    bool must_eq = a->lo == a->hi && range_is(b, a->lo);
    switch (cmp) {
    case CMP_LT: *can_t = a->lo < b->hi;  *can_f = a->hi >= b->lo; break;
    case CMP_LE: *can_t = a->lo <= b->hi; *can_f = a->hi > b->lo;  break;
    case CMP_GT: *can_t = a->hi > b->lo;  *can_f = a->lo <= b->hi; break;
    case CMP_GE: *can_t = a->hi >= b->lo; *can_f = a->lo < b->hi;  break;
    case CMP_EQ: *can_t = may_eq;         *can_f = !must_eq;       break;
    case CMP_NE: *can_t = !must_eq;       *can_f = may_eq;         break;
    }
}

/* Bring the value's null and sign in line with its bounds, which other
 * tests read. */
static void sync_range(ref_value *v)
{
    if ((v->has_lo && v->lo > 0) || (v->has_hi && v->hi < 0))
        v->null = NULL_NO;
    if (v->has_lo && v->has_hi && v->lo == 0 && v->hi == 0)
        v->null = NULL_YES;
    if (v->has_lo && v->lo >= 0 && v->sign == 0)
        v->sign = 1;
    if (v->has_hi && v->hi < 0)
        v->sign = -1;
}

/* "x cmp k" holds, for a constant k: narrow x's bounds. */
static void narrow_to(ref_value *x, int_range cur, ir_cmp cmp, long long k)
{
    long long lo = cur.lo, hi = cur.hi;
    if (cmp == CMP_LT && k > LLONG_MIN)
        hi = hi < k - 1 ? hi : k - 1;
    else if (cmp == CMP_LE)
        hi = hi < k ? hi : k;
    else if (cmp == CMP_GT && k < LLONG_MAX)
        lo = lo > k + 1 ? lo : k + 1;
    else if (cmp == CMP_GE)
        lo = lo > k ? lo : k;
    else if (cmp == CMP_EQ)
        lo = hi = k;
    else if (cmp == CMP_NE && k == 0)
        x->null = NULL_NO;
    else if (cmp == CMP_NE && lo == k && k < LLONG_MAX)
        lo = k + 1;
    else if (cmp == CMP_NE && hi == k && k > LLONG_MIN)
        hi = k - 1;
    x->has_lo = lo > LLONG_MIN;
    x->lo = lo;
    x->has_hi = hi < LLONG_MAX;
    x->hi = hi;
    sync_range(x);
}

/* Can the ranges of the two sides be compared as signed numbers?  Not
 * when one side is unsigned and the other may be negative: (size_t)-1 is
 * kept as -1, and an error result of -1 stored in an unsigned variable is
 * its largest value.  Nor when a range is empty (contradictory facts). */
static bool ranges_comparable(const ir_func *f, const ir_operand *lop,
                              const ir_operand *rop, const int_range *a,
                              const int_range *b)
{
    if (a->lo > a->hi || b->lo > b->hi)
        return false;
    return !(operand_unsigned(f, lop) && b->lo < 0) &&
           !(operand_unsigned(f, rop) && a->lo < 0);
}

/* The values (*l, *r) and ranges (*a, *b) of a comparison's two sides;
 * false when the ranges cannot be compared. */
static bool side_ranges(const ir_func *f, path_state *st,
                        const ir_operand *lop, const ir_operand *rop,
                        int *l, int *r, int_range *a, int_range *b)
{
    *l = operand_value(st, lop);
    *r = operand_value(st, rop);
    *a = value_range(st, *l, operand_unsigned(f, lop));
    *b = value_range(st, *r, operand_unsigned(f, rop));
    return ranges_comparable(f, lop, rop, a, b);
}

/* "l cmp r" holds: when one side is a single number, narrow the other. */
static void refine_range(const ir_func *f, path_state *st, const ir_operand *lop,
                         const ir_operand *rop, ir_cmp cmp)
{
    int l, r;
    int_range a, b;
    if (!side_ranges(f, st, lop, rop, &l, &r, &a, &b))
        return;
    if (b.lo == b.hi)
        narrow_to(&st->vals[l], a, cmp, b.lo);
    else if (a.lo == a.hi)
        narrow_to(&st->vals[r], b, mirror_cmp(cmp), a.lo);
}

/* The comparison a test against a constant makes (x > 0 for COND_POS),
 * with *k the constant's operand; false for a test that is not one. */
static bool cond_as_compare(const ir_cond *c, ir_cmp *cmp, ir_operand *k)
{
    *k = ir_op_int(c->kind == COND_EQ ? c->ival : 0);
    *cmp = c->kind == COND_EQ ? CMP_EQ : c->kind == COND_POS ? CMP_GT : CMP_LT;
    return c->kind == COND_EQ || c->kind == COND_POS || c->kind == COND_NEG;
}

/* Outcomes of a comparison as the ranges of its two sides allow. */
static void compare_outcomes(const ir_func *f, path_state *st,
                             const ir_operand *lop, const ir_operand *rop,
                             ir_cmp cmp, bool *can_t, bool *can_f)
{
    int l, r;
    int_range a, b;
    if (!side_ranges(f, st, lop, rop, &l, &r, &a, &b))
        return;
    bool rt = true, rf = true;
    range_outcomes(&a, &b, cmp, &rt, &rf);
    *can_t = *can_t && rt;
    *can_f = *can_f && rf;
}

static void cond_outcomes(const ir_func *f, path_state *st, const ir_cond *c,
                          bool *can_t, bool *can_f)
{
    *can_t = *can_f = true;
    if (c->kind == COND_OPAQUE)
        return;
    if (c->kind == COND_CMP && c->rhs.kind == OP_ADDR_GLOBAL &&
        (c->cmp == CMP_EQ || c->cmp == CMP_NE)) {
        /* a newly made object is never a static one (x == Py_None), nor
         * is NULL; the static object itself always is */
        int l = operand_value(st, &c->value), g = operand_value(st, &c->rhs);
        bool differ = st->vals[l].fresh || st->vals[l].null == NULL_YES ||
                      never_this_static(&st->vals[l], &c->rhs);
        if (differ || l == g) {
            *can_t = (c->cmp == CMP_EQ) == !differ;
            *can_f = !*can_t;
        }
        return;
    }
    if (c->kind == COND_CMP) {
        /* decided when both sides are known to be 0, or when one is known
         * to be below the other */
        int l = operand_value(st, &c->value), r = operand_value(st, &c->rhs);
        if (st->vals[l].null == NULL_YES && st->vals[r].null == NULL_YES) {
            bool eq = c->cmp == CMP_LE || c->cmp == CMP_GE || c->cmp == CMP_EQ;
            *can_t = eq;
            *can_f = !eq;
        } else if (known_below(st, l, r)) {       /* l < r */
            *can_t = c->cmp == CMP_LT || c->cmp == CMP_LE || c->cmp == CMP_NE;
            *can_f = !*can_t;
        } else if (known_below(st, r, l)) {       /* l > r */
            *can_t = c->cmp == CMP_GT || c->cmp == CMP_GE || c->cmp == CMP_NE;
            *can_f = !*can_t;
        } else {
            compare_outcomes(f, st, &c->value, &c->rhs, c->cmp, can_t, can_f);
        }
        return;
    }
    int id = operand_value(st, &c->value);
    const ref_value *v = &st->vals[id];
    if (c->kind == COND_NONZERO && v->err_indicator && st->exc != EXC_MAYBE) {
        *can_t = st->exc == EXC_YES;
        *can_f = st->exc == EXC_NO;
    } else if (c->kind == COND_NONZERO && v->status && v->sign > 0) {
        *can_t = false;   /* "if (PyList_Append(...))": success is 0 */
    } else if (c->kind == COND_NONZERO) {
        *can_t = v->null != NULL_YES;
        *can_f = v->null != NULL_NO && v->sign >= 0;
    } else if (c->kind == COND_NEG) {
        *can_t = v->sign <= 0;
        *can_f = v->sign >= 0;
    } else if (c->kind == COND_POS) {
        *can_t = v->sign >= 0 && v->null != NULL_YES;
    } else if (c->kind == COND_EQ && c->ival == -1) {
        *can_t = v->sign <= 0;
        *can_f = v->sign >= 0;   /* a failure result is exactly -1 */
    } else if (c->kind == COND_EQ && c->ival >= 0) {
        *can_t = v->sign >= 0;
        if (c->ival == 0)
            *can_t = *can_t && v->null != NULL_NO;
    }
    ir_cmp cmp;
    ir_operand k;
    if (cond_as_compare(c, &cmp, &k))
        compare_outcomes(f, st, &c->value, &k, cmp, can_t, can_f);
}

/* "if (arg == Py_None)": on the equal side a parameter is that static
 * object, whose reference needs no accounting. */
static void refine_static(const engine *e, path_state *st, const ir_cond *c,
                          bool taken)
{
    if ((c->value.kind != OP_VAR && c->value.kind != OP_FIELD) ||
        (c->cmp != CMP_EQ && c->cmp != CMP_NE) || (c->cmp == CMP_EQ) != taken)
        return;
    int cur = operand_value(st, &c->value);
    if (st->vals[cur].kind == REF_HELD && st->vals[cur].owned == 0) {
        /* o->x == Py_None: a Py_DECREF(Py_None) then drops the member's */
        int g = operand_value(st, &c->rhs);
        st->vals[g].member_alias = cur;
        return;
    }
    if (c->value.kind != OP_VAR)
        return;
    if (st->vals[cur].maybe_static) {
        /* new or a borrowed Py_None, and it is Py_None: nothing owned */
        st->vals[cur].owned = 0;
        st->vals[cur].static_obj = true;
        return;
    }
    if (!st->vals[cur].is_param || st->vals[cur].owned > 0)
        return;
    st->vals[cur].static_obj = true;
    /* a helper judged by its summary may take its argument over: a
     * Py_DECREF(Py_None) then releases the reference it was given */
    if (!e->f->python_facing) {
        int g = operand_value(st, &c->rhs);
        st->vals[g].param_alias = true;
    }
}

/* i < n taken (or i >= n not taken): i is below n; a == b taken (or
 * a != b not taken): a and b are the same int. */
static void refine_less(path_state *st, const ir_cond *c, bool taken)
{
    bool lt = (c->cmp == CMP_LT && taken) || (c->cmp == CMP_GE && !taken);
    bool gt = (c->cmp == CMP_GT && taken) || (c->cmp == CMP_LE && !taken);
    bool eq = (c->cmp == CMP_EQ && taken) || (c->cmp == CMP_NE && !taken);
    if (!lt && !gt && !eq)
        return;
    int l = operand_value(st, &c->value), r = operand_value(st, &c->rhs);
    if (eq) {
        st->vals[l].same = r;
        st->vals[r].same = l;
    } else if (lt)
        st->vals[l].below = r;
    else
        st->vals[r].below = l;
}

static void refine(const engine *e, path_state *st, const ir_cond *c, bool taken)
{
    if (c->kind == COND_CMP && c->rhs.kind == OP_ADDR_GLOBAL) {
        refine_static(e, st, c, taken);
        return;
    }
    if (c->kind == COND_CMP) {
        refine_less(st, c, taken);
        refine_range(e->f, st, &c->value, &c->rhs,
                     taken ? c->cmp : negate_cmp(c->cmp));
        return;
    }
    ir_cmp cmp;
    ir_operand k;
    if (cond_as_compare(c, &cmp, &k))
        refine_range(e->f, st, &c->value, &k, taken ? cmp : negate_cmp(cmp));
    int tested = c->kind == COND_NONZERO ? operand_value(st, &c->value) : -1;
    if ((c->kind == COND_POS || (c->kind == COND_EQ && c->ival > 0) ||
         (tested >= 0 && st->vals[tested].sign > 0)) && taken) {
        /* n > 0, n == 3, a count that is not an error and not 0: a
         * container's size known */
        int id = operand_value(st, &c->value);
        long long atleast = c->kind == COND_EQ ? c->ival : 1;
        int box = st->vals[id].size_of;
        if (box >= 0 && st->vals[box].min_items < atleast)
            st->vals[box].min_items = atleast;
    }
    if (c->kind == COND_POS) {
        int id = operand_value(st, &c->value);
        if (taken) {
            st->vals[id].sign = 1;
            st->vals[id].null = NULL_NO;
        }
        return;
    }
    if (c->kind != COND_NONZERO && c->kind != COND_NEG)
        return;
    int id = operand_value(st, &c->value);
    ref_value *v = &st->vals[id];
    if (c->kind == COND_NEG) {
        v->sign = taken ? -1 : 1;
        return;
    }
    if (v->err_indicator)
        st->exc = taken ? EXC_YES : EXC_NO;
    if (taken && v->kind_of >= 0)   /* PyTuple_Check(x): x is a tuple */
        st->vals[v->kind_of].made = v->kind_tested;
    v->null = taken ? NULL_NO : NULL_YES;
    if (!taken)
        v->owned = 0;   /* a NULL result holds no reference */
}

static bool branch_is_int(const ir_func *f, const ir_cond *c)
{
    return c->value.kind == OP_VAR && c->value.var >= 0 &&
           !f->vars[c->value.var].is_object;
}

static const char *branch_name(const ir_func *f, const ir_cond *c)
{
    if (c->kind != COND_NONZERO || c->value.kind != OP_VAR)
        return NULL;
    return var_label(f, c->value.var);
}

/* The flag of a branch event: the value of the variable for a named
 * test, else whether the source's condition held. */
static bool branch_label(const ir_func *f, const ir_cond *c, bool taken)
{
    return branch_name(f, c) ? taken : taken != c->negated;
}

static void exec_branch(engine *e, path_state *st, const cfg_block *b)
{
    bool can_t, can_f;
    cond_outcomes(e->f, st, &b->cond, &can_t, &can_f);
    if (!can_t && !can_f)
        can_t = can_f = true;   /* contradictory knowledge: assume nothing */
    for (int taken = 1; taken >= 0; taken--) {
        if (!(taken ? can_t : can_f))
            continue;
        bool last = !taken || !can_f;
        path_state *ns = last ? st : state_copy(e->f, st);
        refine(e, ns, &b->cond, taken);
        if (can_t && can_f)
            add_event(e, ns, b->term_loc, EVK_BRANCH, branch_name(e->f, &b->cond),
                      branch_is_int(e->f, &b->cond) ? "int" : NULL,
                      branch_label(e->f, &b->cond, taken));
        ns->block = b->succ[taken ? 0 : 1];
        ns->insn = 0;
        push(e, ns);
    }
}

/* What a switch edge tells about the value: case 0 makes it 0, any other
 * case makes it nonzero, and so does the default when 0 is a case. */
static void refine_switch(path_state *st, const cfg_block *b, size_t edge)
{
    if (b->value.kind != OP_VAR)
        return;
    bool zero_case = false;
    for (size_t k = 0; k < b->ncases; k++)
        zero_case |= b->case_vals[k] == 0;
    int vi = operand_value(st, &b->value);
    ref_value *v = &st->vals[vi];
    if (edge < b->ncases)
        v->null = b->case_vals[edge] == 0 ? NULL_YES : NULL_NO;
    else if (zero_case)
        v->null = NULL_NO;
}

/* Can the switch value take the edge?  Not a case constant that what is
 * known of the value excludes: a failure result (-1) does not go to
 * "case 1:", nor a 0 to any case other than 0.  Nor the default when a
 * case catches the value: a call's failure result is exactly -1 (as for
 * "== -1") and goes to "case -1:". */
static bool switch_edge_feasible(path_state *st, const cfg_block *b, size_t edge)
{
    if (b->value.kind != OP_VAR)
        return true;
    int vi = operand_value(st, &b->value);   /* it may grow vals */
    const ref_value *v = &st->vals[vi];
    if (edge >= b->ncases) {
        bool caught = false;
        for (size_t k = 0; k < b->ncases; k++)
            caught |= (b->case_vals[k] == -1 && v->sign < 0 && v->null_api) ||
                      (b->case_vals[k] == 0 && v->null == NULL_YES);
        return !caught;
    }
    long long c = b->case_vals[edge];
    return !((c < 0 && v->sign > 0) || (c >= 0 && v->sign < 0) ||
             (c != 0 && v->null == NULL_YES) || (c == 0 && v->null == NULL_NO));
}

static void exec_switch(engine *e, path_state *st, const cfg_block *b)
{
    for (size_t i = 0; i < b->nsucc; i++) {
        if (!switch_edge_feasible(st, b, i)) {
            if (i + 1 == b->nsucc)
                state_free(st);
            continue;
        }
        path_state *ns = i + 1 == b->nsucc ? st : state_copy(e->f, st);
        refine_switch(ns, b, i);
        ns->block = b->succ[i];
        ns->insn = 0;
        push(e, ns);
    }
}

/* ---- summaries ---- */

/* The value parameter p had on entry (bind_params makes the parameters'
 * values first, in order), whatever the variable holds now. */
static int entry_value(const path_state *st, size_t p)
{
    return p < st->nvals ? (int)p : -1;
}

/* Was the caller's reference to this parameter value released or handed
 * to a call that takes it? */
static bool param_handed_over(const ref_value *rv)
{
    return rv->is_param && (rv->owned < 0 || rv->released || rv->stolen);
}

/* The parameters this path consumes: released, handed to a call that
 * takes them, or stored away without a reference of the function's own.
 * The value the caller passed counts as released even after the parameter
 * variable was given another (Py_DECREF(repr); repr = new_repr;). */
static unsigned consumed_params(const engine *e, const path_state *st)
{
    unsigned consumed = 0;
    for (size_t p = 0; p < e->f->nparams && p < 32; p++) {
        int pv = st->var_val[p], first = entry_value(st, p);
        const ref_value *rv = pv >= 0 ? &st->vals[pv] : NULL;
        /* a NULL parameter has nothing to take over, nor has one that is
         * a static object (if (arg == Py_None) ...) */
        if (rv && ((rv->is_param && (param_handed_over(rv) ||
                                     (rv->escaped && rv->owned <= 0) ||
                                     rv->null == NULL_YES)) ||
                   rv->static_obj))
            consumed |= 1u << p;
        if (first >= 0 && first != pv && param_handed_over(&st->vals[first]))
            consumed |= 1u << p;
    }
    return consumed;
}

/* The parameter whose own (caller's) reference this path returns, -1. */
static int returned_param(const engine *e, const path_state *st, int rv)
{
    for (size_t p = 0; rv >= 0 && p < e->f->nparams && p < 32; p++)
        if (st->var_val[p] == rv && st->vals[rv].is_param && st->vals[rv].owned <= 0)
            return (int)p;
    return -1;
}

/* The parameter this path returns with one reference of the function's
 * own added (Py_INCREF(x); return x;), -1. */
static int returned_param_ref(const engine *e, const path_state *st, int rv)
{
    for (size_t p = 0; rv >= 0 && p < e->f->nparams && p < 32; p++)
        if (entry_value(st, p) == rv && st->vals[rv].is_param &&
            st->vals[rv].owned == 1 && !st->vals[rv].escaped)
            return (int)p;
    return -1;
}

/* A path returns an object that is never the static object `global`
 * names: counted when every such path names the same one. */
static void note_never_is(summary_acc *a, const char *global)
{
    if (a->never_is && strcmp(a->never_is, global))
        a->never_is_mixed = true;
    a->never_is = global;
    a->ret_never_is++;
}

static void note_return_kind(engine *e, const path_state *st, int rv)
{
    summary_acc *a = &e->acc;
    const ref_value *v = rv >= 0 ? &st->vals[rv] : NULL;
    int p = returned_param(e, st, rv);
    /* a 0 returned from an int function is a success value, not a NULL */
    if (v && v->null == NULL_YES && !e->f->returns_int) {
        if (st->exc == EXC_NO)
            a->ret_null_ok++;
        else
            a->ret_null_exc++;
    } else if (v && v->sign < 0 && st->exc != EXC_NO) {
        a->ret_neg_exc++;
    } else if (v && e->f->returns_object && p >= 0) {
        a->ret_param++;          /* new or borrowed: decided at the end */
        a->ret_param_mask |= 1u << p;
    } else if (v && e->f->returns_object) {
        /* an argument's reference stored away (Py_INCREF(s);
         * state->string = s; return s;) is not returned; a fresh object
         * also linked into a list is */
        if (v->owned > (v->escaped && v->is_param ? 1 : 0))
            a->ret_new++;
        else
            a->ret_borrowed++;
        if (v->escaped && !v->is_param && v->owned == 1)
            a->ret_stored++;
        int q = returned_param_ref(e, st, rv);
        if (q >= 0) {
            a->ret_param_ref++;
            a->ret_param_ref_mask |= 1u << q;
        }
        if (v->fresh)
            a->ret_fresh++;
        else if (v->never_is)
            note_never_is(a, v->never_is);
        if (v->owned <= 0 && v->static_obj)
            a->ret_static++;    /* "return Py_None;" without a reference */
        if (v->owned == 2 && !v->escaped)
            a->ret_two++;
    }
    if (st->exc != EXC_NO && !(v && (v->null == NULL_YES || v->sign < 0)))
        a->may_raise = true;
}

static unsigned meet(unsigned count, unsigned acc, unsigned mask)
{
    return count == 1 ? mask : acc & mask;
}

/* The int parameters known on this path either to make no claim, or to
 * force the result.  With trigger NULL_YES: each is nonzero, or 0 with a
 * result of 0 (makeError(0) returns 0).  With NULL_NO: each is 0, or
 * nonzero with a nonzero result (makeError(err) raises, and says so, for
 * any nonzero err). */
static unsigned params_forcing_result(const engine *e, const path_state *st,
                                      const ref_value *v, nullness trigger)
{
    unsigned mask = 0;
    nullness other = trigger == NULL_YES ? NULL_NO : NULL_YES;
    if (!e->f->returns_int || !v)
        return 0;
    for (size_t p = 0; p < e->f->nparams && p < 32; p++) {
        int pv = st->var_val[p];
        nullness pz = pv >= 0 ? st->vals[pv].null : NULL_UNKNOWN;
        if (pv >= 0 && !e->f->vars[p].is_object &&
            (pz == other || (pz == trigger && v->null == trigger)))
            mask |= 1u << p;
    }
    return mask;
}

static void summarize_return(engine *e, path_state *st, int rv)
{
    summary_acc *a = &e->acc;
    const ref_value *v = rv >= 0 ? &st->vals[rv] : NULL;
    a->returns++;
    a->zero_iff = meet(a->returns, a->zero_iff, params_forcing_result(e, st, v, NULL_YES));
    a->nonzero_if = meet(a->returns, a->nonzero_if, params_forcing_result(e, st, v, NULL_NO));
    if (e->f->returns_int && v && v->null == NULL_YES)
        a->zero_paths++;
    if (v && v->null == NULL_YES && st->exc == EXC_NO && e->f->returns_object) {
        unsigned nulls = 0;
        for (size_t p = 0; p < e->f->nparams && p < 32; p++) {
            int pv = st->var_val[p];
            if (pv >= 0 && e->f->vars[p].is_object && st->vals[pv].null == NULL_YES)
                nulls |= 1u << p;
        }
        a->null_ok_paths++;
        a->null_if = meet(a->null_ok_paths, a->null_if, nulls);
    }
    note_return_kind(e, st, rv);
    unsigned consumed = consumed_params(e, st);
    int p = returned_param(e, st, rv);
    unsigned handed = consumed | (p >= 0 ? 1u << p : 0);
    a->consumed = meet(a->returns, a->consumed, consumed);
    a->consumed_or_returned = meet(a->returns, a->consumed_or_returned, handed);
    a->consumed_any |= consumed;
    bool failed = v && st->exc != EXC_NO &&
                  (e->f->returns_int ? v->sign < 0 : v->null == NULL_YES);
    if (failed) {
        a->failures++;
        a->consumed_fail = meet(a->failures, a->consumed_fail, consumed);
    } else {
        a->successes++;
        a->consumed_ok = meet(a->successes, a->consumed_ok, consumed);
        if (e->f->returns_int && v && v->null == NULL_YES)
            a->zero_successes++;
    }
    /* the same for int functions that report failure with 0 */
    if (e->f->returns_int && v && v->null == NULL_YES && st->exc == EXC_YES) {
        a->zero_fails++;
        a->consumed_zero_fail = meet(a->zero_fails, a->consumed_zero_fail, consumed);
    } else {
        a->zero_oks++;
        a->consumed_zero_ok = meet(a->zero_oks, a->consumed_zero_ok, consumed);
    }
}

/* An int function fails with 0 when it never returns a negative error,
 * and every 0 it returns comes with an exception set (return FALSE after
 * PyErr_NoMemory()). */
static bool fails_with_zero(const engine *e)
{
    const summary_acc *a = &e->acc;
    return e->f->returns_int && a->ret_neg_exc == 0 && a->zero_fails > 0 &&
           a->zero_fails == a->zero_paths;
}

/* Which parameters the function takes over: always; only when it fails;
 * only when it succeeds.  A parameter it returns on some paths and
 * releases on the others (return x, or Py_DECREF(x) and return a cached
 * equal) is taken over too, and then returned as a new reference. */
static void summary_steals(const summary_acc *a, bool zero_fails,
                           func_summary *s)
{
    unsigned fails = zero_fails ? a->zero_fails : a->failures;
    unsigned oks = zero_fails ? a->zero_oks : a->successes;
    unsigned on_fail = zero_fails ? a->consumed_zero_fail : a->consumed_fail;
    unsigned on_ok = zero_fails ? a->consumed_zero_ok : a->consumed_ok;
    s->steals = a->returns ? a->consumed : 0;
    s->steals |= a->consumed_or_returned & a->consumed_any;
    s->steals_on_failure = fails ? on_fail & ~s->steals : 0;
    s->steals_on_success = oks && fails
                           ? on_ok & ~s->steals & ~s->steals_on_failure : 0;
}

/* The 1-based parameter every path not returning NULL returns with one
 * reference added, 0 if the paths do not all return the same one so. */
static unsigned returned_arg(const summary_acc *a, const func_summary *s)
{
    unsigned m = a->ret_param_ref_mask;
    if (s->ret != RET_NEW || s->or_static || !a->ret_param_ref ||
        a->ret_param_ref != a->ret_new || a->ret_borrowed || a->ret_param ||
        (m & (m - 1)))
        return 0;
    unsigned p = 0;
    while (!(m & (1u << p)))
        p++;
    return p + 1;
}

/* A path returning the one reference it stored away (self->cache = obj;
 * return obj;) returns a new reference for a constructor that also links
 * the object into a list, a borrowed one for a getter that refills the
 * member it returns: the paths returning non-static borrowed references
 * decide, when no path returns a reference of its own otherwise. */
static void stored_returns_borrowed(const summary_acc *a, unsigned *ret_new,
                                    unsigned *ret_borrowed)
{
    if (a->ret_stored && *ret_new == a->ret_stored &&
        *ret_borrowed > a->ret_static) {
        *ret_borrowed += a->ret_stored;
        *ret_new = 0;
    }
}

static void make_summary(const engine *e, func_summary *s)
{
    const summary_acc *a = &e->acc;
    memset(s, 0, sizeof *s);
    bool zero_fails = fails_with_zero(e);
    summary_steals(a, zero_fails, s);
    unsigned ret_new = a->ret_new, ret_borrowed = a->ret_borrowed;
    if (a->ret_param && !(a->ret_param_mask & ~s->steals))
        ret_new += a->ret_param;
    else
        ret_borrowed += a->ret_param;
    stored_returns_borrowed(a, &ret_new, &ret_borrowed);
    s->ret = e->f->returns_object ? (ret_new && !ret_borrowed ? RET_NEW
                                     : ret_borrowed && !ret_new ? RET_BORROWED
                                     : RET_OTHER)
             : e->f->returns_int ? RET_INT : RET_OTHER;
    /* a new object, or a borrowed Py_None: callers test for None */
    if (e->f->returns_object && ret_new && ret_borrowed && ret_borrowed == a->ret_static) {
        s->ret = RET_NEW;
        s->or_static = true;
    }
    s->ret_arg = returned_arg(a, s);
    /* every path returning an object returns two references to it */
    s->two_refs = called_by_file_only(e->f) && e->f->returns_object &&
                  s->ret == RET_NEW && !s->or_static && !s->ret_arg &&
                  !a->ret_param && a->ret_two && a->ret_two == a->ret_new;
    /* NULL or a newly made object on every path: never a static one */
    s->fresh = e->f->returns_object && a->ret_fresh &&
               a->ret_fresh + a->ret_null_exc + a->ret_null_ok == a->returns;
    /* NULL, a fresh object or a never-is call's result on every path:
     * never that static object (a helper returning PyNumber_Add's result
     * never returns NotImplemented) */
    if (e->f->returns_object && !s->fresh && a->ret_never_is &&
        !a->never_is_mixed &&
        a->ret_fresh + a->ret_never_is + a->ret_null_exc + a->ret_null_ok ==
            a->returns)
        s->never_is = a->never_is;
    s->fail = a->ret_null_exc ? FAIL_NULL : a->ret_neg_exc ? FAIL_NEG1
              : zero_fails ? FAIL_ZERO : FAIL_NEVER;
    s->null_ok = e->f->returns_object && a->ret_null_ok > 0;
    /* every path returns NULL: nothing to own (an error helper) */
    if (e->f->returns_object && a->returns &&
        a->ret_null_exc + a->ret_null_ok == a->returns) {
        s->ret = RET_NULL;
        s->raises = a->ret_null_ok == 0;   /* an error helper: it sets one */
    }
    s->may_raise = a->may_raise;
    /* an int function that returns 0 on every path (a setup step that
     * cannot fail): "if (setup(m) < 0)" is never taken */
    s->returns_zero = e->f->returns_int && a->returns && a->zero_paths == a->returns;
    s->success_zero = s->fail == FAIL_NEG1 && a->successes &&
                      a->zero_successes == a->successes;
    for (unsigned p = 0; p < 32 && a->returns && !s->zero_iff_arg; p++)
        if (a->zero_iff & (1u << p))
            s->zero_iff_arg = p + 1;
    for (unsigned p = 0; p < 32 && a->returns && !s->nonzero_if_arg; p++)
        if (a->nonzero_if & (1u << p))
            s->nonzero_if_arg = p + 1;
    /* NULL without an exception only for a NULL argument: "if (!arg)
     * return NULL;" in a helper handed a result it did not check */
    for (unsigned p = 0; p < 32 && a->null_ok_paths && !s->null_if_arg; p++)
        if (a->null_if & (1u << p))
            s->null_if_arg = p + 1;
    if (e->over_budget || e->f->incomplete) {
        s->ret = e->f->returns_object ? RET_NEW : s->ret;
        s->fresh = false;
        s->never_is = NULL;
        s->ret_arg = 0;
        s->success_zero = false;
    }
}

/* ---- the walk ---- */

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static uint64_t value_hash(const ref_value *rv)
{
    uint64_t h = mix((uint64_t)rv->owned * 7 + rv->null * 3 + rv->escaped,
                     ((uint64_t)rv->origin.line << 20) ^ rv->origin.col);
    h = mix(h, (uint64_t)(rv->sign + 1) | (uint64_t)rv->kind << 4 |
                   (uint64_t)rv->released << 8 | (uint64_t)rv->stolen << 9 |
                   (uint64_t)rv->err_indicator << 10 |
                   (uint64_t)rv->place_released << 11 |
                   (uint64_t)rv->status << 12 |
                   (uint64_t)(rv->below >= 0) << 13 |
                   (uint64_t)(rv->same >= 0) << 14);
    /* an int's bounds decide later tests: states that differ in them
     * are not the same state */
    if (rv->has_lo)
        h = mix(h, (uint64_t)rv->lo ^ 0x1001);
    if (rv->has_hi)
        h = mix(h, (uint64_t)rv->hi ^ 0x2002);
    return h;
}

/* A hash of what matters for the rest of the path, independent of value
 * numbering: each variable's value, and which variables share a value. */
static uint64_t state_hash(const ir_func *f, const path_state *st)
{
    uint64_t h = mix((uint64_t)st->block, st->insn);
    h = mix(h, st->exc * 2 + st->gil_released);
    int *first = xmalloc((st->nvals + 1) * sizeof *first);
    for (size_t i = 0; i < st->nvals; i++)
        first[i] = -1;
    for (size_t i = 0; i < f->nvars; i++) {
        int v = st->var_val[i];
        if (v < 0) {
            h = mix(h, 0xdead);
            continue;
        }
        h = mix(h, value_hash(&st->vals[v]));
        if (first[v] >= 0)
            h = mix(h, (uint64_t)first[v] + 1);
        else
            first[v] = (int)i;
    }
    free(first);
    for (size_t i = 0; i < st->nplaces; i++)
        if (st->places[i].val >= 0)
            h = mix(h, value_hash(&st->vals[st->places[i].val]));
    for (size_t i = 0; i < st->nvals; i++)
        if (st->vals[i].owned > 0)
            h = mix(h, ((uint64_t)st->vals[i].origin.line << 20) ^ st->vals[i].owned);
    return h ? h : 1;
}

static bool seen_before(engine *e, uint64_t h)
{
    if ((e->nseen + 1) * 2 > e->capseen) {
        size_t ncap = e->capseen ? e->capseen * 2 : 1024;
        uint64_t *ns = xcalloc(ncap, sizeof *ns);
        for (size_t i = 0; i < e->capseen; i++) {
            if (!e->seen[i])
                continue;
            size_t j = e->seen[i] & (ncap - 1);
            while (ns[j])
                j = (j + 1) & (ncap - 1);
            ns[j] = e->seen[i];
        }
        free(e->seen);
        e->seen = ns;
        e->capseen = ncap;
    }
    size_t j = h & (e->capseen - 1);
    while (e->seen[j]) {
        if (e->seen[j] == h)
            return true;
        j = (j + 1) & (e->capseen - 1);
    }
    e->seen[j] = h;
    e->nseen++;
    return false;
}

static void run_return(engine *e, path_state *st, const cfg_block *b)
{
    st->at = b->term_loc;
    int rv = b->value.kind == OP_NONE ? -1 : operand_value(st, &b->value);
    e->stats->paths++;
    fire(e, st, b, NULL, EV_RETURN, rv, NULL, 0);
    summarize_return(e, st, rv);
}

static void run_terminator(engine *e, path_state *st, const cfg_block *b)
{
    switch (b->term) {
    case TERM_GOTO:
        st->block = b->succ[0];
        st->insn = 0;
        push(e, st);
        return;
    case TERM_BRANCH: exec_branch(e, st, b); return;
    case TERM_SWITCH: exec_switch(e, st, b); return;
    case TERM_RETURN: run_return(e, st, b); break;
    default: break;
    }
    state_free(st);
}

/* Is this state new at its block, and within the block's allowance? */
static bool admit(engine *e, path_state *st)
{
    if (st->insn != 0)
        return true;
    if (++st->visits[st->block] > e->lim.max_block_visits)
        return false;
    /* only a join can be reached twice in the same state */
    if (e->preds[st->block] > 1 && seen_before(e, state_hash(e->f, st)))
        return false;
    if (++e->block_states[st->block] > e->lim.max_states_per_block) {
        e->capped = true;
        return false;
    }
    return true;
}

static void run_state(engine *e, path_state *st)
{
    const cfg_block *b = &e->f->blocks[st->block];
    if (!admit(e, st)) {
        state_free(st);
        return;
    }
    while (st->insn < b->ninsns && !st->dead) {
        const ir_insn *in = &b->insns[st->insn++];
        st->at = in->loc;
        exec_insn(e, st, b, in);
        if (in->kind == INSN_CALL && st->insn < b->ninsns)
            break;   /* let the outcomes of a call be walked in turn */
    }
    if (st->dead) {
        state_free(st);
        return;
    }
    if (st->insn < b->ninsns) {
        push(e, st);
        return;
    }
    run_terminator(e, st, b);
}

/* Parameters are borrowed, except those the function is annotated to take
 * over: it owns one reference to each of them.  Their values are the
 * state's first, value p for parameter p (entry_value). */
static void bind_params(const ir_func *f, path_state *st)
{
    for (size_t p = 0; p < f->nparams; p++) {
        bool stolen = p < 32 && (f->steals_params & (1u << p));
        int v = new_value(st, NULL_UNKNOWN,
                          stolen ? REF_NEW
                          : f->vars[p].is_object ? REF_BORROWED : REF_UNKNOWN);
        ref_value *rv = &st->vals[v];
        rv->is_param = !stolen;
        rv->name_var = (int)p;
        if (stolen) {
            rv->from_caller = true;
            rv->owned = 1;
            rv->tracked = true;
            rv->origin = f->loc;
            rv->origin_api = NULL;
        }
        st->var_val[p] = v;
    }
}

static void engine_free(engine *e)
{
    for (size_t i = 0; i < e->sp; i++)
        state_free(e->stack[i]);
    free(e->stack);
    free(e->events);
    free(e->seen);
    free(e->block_states);
    free(e->preds);
    free(e->keys);
}

static void walk(engine *e)
{
    path_state *st = state_new(e->f);
    bind_params(e->f, st);
    push(e, st);
    while (e->sp) {
        if (++e->steps > e->lim.max_steps) {
            e->over_budget = true;
            break;
        }
        run_state(e, e->stack[--e->sp]);
    }
    if (e->capped && getenv("PYREFCHECK_DEBUG"))
        fprintf(stderr, "pyrefcheck: debug: %s: states capped at %u per block\n",
                e->f->name, e->lim.max_states_per_block);
}

void engine_note_incomplete(const ir_func *f, finding_list *notes,
                            const char *why)
{
    if (!notes)
        return;
    finding n;
    memset(&n, 0, sizeof n);
    n.rule = xstrdup("analysis-incomplete");
    n.severity = xstrdup("note");
    n.file = xstrdup(f->file);
    n.line = f->loc.line;
    n.col = f->loc.col;
    n.function = xstrdup(f->name);
    n.message = xasprintf("the analysis of %s() is incomplete: %s", f->name, why);
    finding_list_push(notes, &n);
}

void engine_analyze(const ir_func *f, const api_rules *rules,
                    const api_rules *local, unsigned python_version,
                    const engine_limits *lim, const engine_output *out)
{
    out->stats->functions++;
    engine e;
    memset(&e, 0, sizeof e);
    e.f = f;
    e.rules = rules;
    e.local = local;
    e.python_version = python_version;
    if (lim)
        e.lim = *lim;
    else
        engine_default_limits(&e.lim);
    e.out = out->findings;
    e.out_start = out->findings->len;
    e.stats = out->stats;
    if (f->incomplete || f->nblocks == 0) {
        out->stats->incomplete++;
        engine_note_incomplete(f, out->notes, f->incomplete_reason ? f->incomplete_reason
                                                     : "no body");
    } else {
        e.block_states = xcalloc(f->nblocks, sizeof *e.block_states);
        e.preds = xcalloc(f->nblocks, sizeof *e.preds);
        e.preds[0] = 1;   /* the entry */
        for (size_t i = 0; i < f->nblocks; i++)
            for (size_t j = 0; j < f->blocks[i].nsucc; j++)
                e.preds[f->blocks[i].succ[j]]++;
        walk(&e);
        if (e.over_budget) {
            out->stats->incomplete++;
            char *why = xasprintf("more than %u analysis steps; the paths not "
                                  "followed were not checked", e.lim.max_steps);
            engine_note_incomplete(f, out->notes, why);
            free(why);
        }
    }
    if (out->summary)
        make_summary(&e, out->summary);
    settle_second_refs(&e, out->summary && out->summary->two_refs);
    engine_free(&e);
}
