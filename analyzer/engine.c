/* engine.c - path-sensitive walk of one function's CFG.
 *
 * A path_state holds, for the path walked so far: which symbolic value each
 * variable and each memory place (global, field) holds, what is known of
 * each value (ref_value), how often each block was entered (loops are
 * unrolled a bounded number of times) and the path's trace events.  States
 * are copied where paths split: at calls that can fail and at branches.  A
 * state identical to one already seen at the same point is not walked
 * again.
 *
 * Ownership: the engine owns every path_state and trace event and frees
 * them before engine_analyze returns; findings go to the caller's list. */
#include "engine.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct trace_event {
    int parent;
    ir_loc loc;
    char *msg;
} trace_event;

typedef struct place {
    ir_operand_kind kind;   /* OP_GLOBAL, OP_ADDR_GLOBAL or OP_FIELD */
    int base;               /* OP_FIELD: value id of the base object */
    const char *name;       /* owned by the IR */
    int val;
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
    bool exc_set;
} path_state;

typedef struct engine {
    const ir_func *f;
    const api_rules *rules;
    unsigned python_version;
    engine_limits lim;
    trace_event *events;
    size_t nevents, capevents;
    path_state **stack;
    size_t sp, capstack;
    uint64_t *seen;         /* open-addressing set of state hashes */
    size_t nseen, capseen;
    char **keys;            /* reported finding keys */
    size_t nkeys, capkeys;
    finding_list *out;
    unsigned steps;
    bool over_budget;
    engine_stats *stats;
} engine;

struct checker_ctx {
    engine *e;
    path_state *st;
    const cfg_block *b;
};

void engine_default_limits(engine_limits *lim)
{
    lim->max_block_visits = 2;
    lim->max_steps = 200000;
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
    return st;
}

static path_state *state_copy(const ir_func *f, const path_state *src)
{
    path_state *st = xmalloc(sizeof *st);
    *st = *src;
    st->var_val = xmalloc((f->nvars + 1) * sizeof *st->var_val);
    memcpy(st->var_val, src->var_val, f->nvars * sizeof *st->var_val);
    st->vals = xmalloc((src->capvals + 1) * sizeof *st->vals);
    memcpy(st->vals, src->vals, src->nvals * sizeof *st->vals);
    st->places = xmalloc((src->capplaces + 1) * sizeof *st->places);
    memcpy(st->places, src->places, src->nplaces * sizeof *st->places);
    st->visits = xmalloc(f->nblocks + 1);
    memcpy(st->visits, src->visits, f->nblocks);
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

static int new_value(path_state *st, nullness null)
{
    ref_value v;
    memset(&v, 0, sizeof v);
    v.null = null;
    v.name_var = -1;
    v.origin_event = -1;
    ARRAY_PUSH(st->vals, st->nvals, st->capvals, v);
    return (int)st->nvals - 1;
}

static void add_event(engine *e, path_state *st, ir_loc loc, char *msg)
{
    trace_event ev = { st->trace, loc, msg };
    ARRAY_PUSH(e->events, e->nevents, e->capevents, ev);
    st->trace = (int)e->nevents - 1;
}

static void push(engine *e, path_state *st)
{
    ARRAY_PUSH(e->stack, e->sp, e->capstack, st);
}

/* ---- operands ---- */

static int *place_slot(path_state *st, ir_operand_kind kind, int base,
                       const char *name)
{
    for (size_t i = 0; i < st->nplaces; i++) {
        place *p = &st->places[i];
        if (p->kind == kind && p->base == base && !strcmp(p->name, name))
            return &p->val;
    }
    place p = { kind, base, name, -1 };
    ARRAY_PUSH(st->places, st->nplaces, st->capplaces, p);
    return &st->places[st->nplaces - 1].val;
}

static int var_value(path_state *st, int var)
{
    if (var < 0)
        return new_value(st, NULL_UNKNOWN);
    if (st->var_val[var] < 0)
        st->var_val[var] = new_value(st, NULL_UNKNOWN);
    return st->var_val[var];
}

/* The place an operand names (a global or a field), or NULL. */
static int *operand_place(path_state *st, const ir_operand *op)
{
    if (!op->text)
        return NULL;
    if (op->kind == OP_GLOBAL || op->kind == OP_ADDR_GLOBAL)
        return place_slot(st, op->kind, -1, op->text);
    if (op->kind == OP_FIELD && op->var >= 0)
        return place_slot(st, OP_FIELD, var_value(st, op->var), op->text);
    return NULL;
}

static int operand_value(path_state *st, const ir_operand *op)
{
    int *slot;
    int v;
    switch (op->kind) {
    case OP_VAR:
        return var_value(st, op->var);
    case OP_NULL:
        return new_value(st, NULL_YES);
    case OP_INT:
        v = new_value(st, op->ival ? NULL_NO : NULL_YES);
        st->vals[v].sign = op->ival < 0 ? -1 : 1;
        return v;
    case OP_STRING: case OP_ADDR:
        return new_value(st, NULL_NO);
    case OP_GLOBAL: case OP_ADDR_GLOBAL: case OP_FIELD:
        slot = operand_place(st, op);
        if (!slot)
            return new_value(st, NULL_UNKNOWN);
        if (*slot < 0) {
            v = new_value(st, op->kind == OP_ADDR_GLOBAL ? NULL_NO : NULL_UNKNOWN);
            slot = operand_place(st, op);   /* the array may have moved */
            *slot = v;
        }
        return *slot;
    default:
        return new_value(st, NULL_UNKNOWN);
    }
}

/* ---- instructions ---- */

static const char *var_label(const ir_func *f, int var)
{
    return var >= 0 && f->vars[var].kind != VAR_TEMP ? f->vars[var].name : NULL;
}

static void exec_assign(engine *e, path_state *st, const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    st->var_val[in->dst] = v;
    if (st->vals[v].name_var < 0 && var_label(e->f, in->dst))
        st->vals[v].name_var = in->dst;
}

static void exec_store(path_state *st, const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    int *slot = operand_place(st, &in->target);
    if (slot)
        *slot = v;
    if (in->target.kind == OP_FIELD || in->target.kind == OP_GLOBAL ||
        in->target.kind == OP_DEREF)
        st->vals[v].escaped = true;
}

static void exec_incref(engine *e, path_state *st, const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    ref_value *rv = &st->vals[v];
    rv->owned++;
    if (!rv->tracked) {
        rv->tracked = true;
        rv->origin = in->loc;
        rv->origin_api = NULL;
        add_event(e, st, in->loc, xasprintf("reference added by %s", in->macro));
        st->vals[v].origin_event = st->trace;
    }
}

static void exec_decref(path_state *st, const ir_insn *in)
{
    int v = operand_value(st, &in->src);
    ref_value *rv = &st->vals[v];
    if (rv->owned > 0)
        rv->owned--;
    if (in->clears && in->src.kind == OP_VAR)
        st->var_val[in->src.var] = new_value(st, NULL_YES);
}

static void steal_args(path_state *st, const ir_insn *in, unsigned mask)
{
    for (size_t i = 0; i < in->nargs && i < 32; i++) {
        if (!(mask & (1u << i)))
            continue;
        int v = operand_value(st, &in->args[i]);
        ref_value *rv = &st->vals[v];
        if (rv->owned > 0)
            rv->owned--;
    }
}

/* Out-parameters (&var) receive values the engine knows nothing about. */
static void bind_out_params(path_state *st, const ir_insn *in)
{
    for (size_t i = 0; i < in->nargs; i++)
        if (in->args[i].kind == OP_ADDR && in->args[i].var >= 0)
            st->var_val[in->args[i].var] = new_value(st, NULL_UNKNOWN);
}

static void set_result(engine *e, path_state *st, const ir_insn *in,
                       const api_rule *rule)
{
    if (in->dst < 0)
        return;
    bool obj = e->f->vars[in->dst].is_object;
    int v = new_value(st, obj && rule && rule->fail == FAIL_NULL ? NULL_NO
                                                                 : NULL_UNKNOWN);
    st->var_val[in->dst] = v;
    if (rule && rule->fail == FAIL_NEG1)
        st->vals[v].sign = 1;
    if (rule && rule->ret == RET_NEW) {
        ref_value *rv = &st->vals[v];
        rv->tracked = true;
        rv->owned = 1;
        rv->origin = in->loc;
        rv->origin_api = in->callee;
        add_event(e, st, in->loc,
                  xasprintf("new reference returned by %s()", in->callee));
        st->vals[v].origin_event = st->trace;
    }
}

/* The failure outcome of a call that can fail: a copy of the state. */
static path_state *fail_state(engine *e, const path_state *st,
                              const ir_insn *in, const api_rule *rule)
{
    path_state *fs = state_copy(e->f, st);
    steal_args(fs, in, rule->steals);
    bind_out_params(fs, in);
    fs->exc_set = true;
    if (in->dst >= 0) {
        int v = new_value(fs, rule->fail == FAIL_NULL ? NULL_YES : NULL_UNKNOWN);
        fs->vals[v].sign = rule->fail == FAIL_NEG1 ? -1 : 0;
        fs->var_val[in->dst] = v;
    }
    add_event(e, fs, in->loc,
              xasprintf("%s() fails, returning %s with an exception set",
                        in->callee, rule->fail == FAIL_NULL ? "NULL" : "-1"));
    return fs;
}

static bool rule_applies(const engine *e, const api_rule *rule)
{
    if (!rule)
        return false;
    if (!e->python_version)
        return true;
    return (!rule->since || e->python_version >= rule->since) &&
           (!rule->until || e->python_version < rule->until);
}

/* Returns a second state (the failure path) when the call can fail. */
static path_state *exec_call(engine *e, path_state *st, const ir_insn *in)
{
    const api_rule *rule = api_rules_find(e->rules, in->callee, false);
    if (!rule_applies(e, rule))
        rule = NULL;
    path_state *fs = NULL;
    if (rule && (rule->fail == FAIL_NULL || rule->fail == FAIL_NEG1))
        fs = fail_state(e, st, in, rule);
    if (rule)
        steal_args(st, in, rule->steals | rule->steals_on_success);
    bind_out_params(st, in);
    set_result(e, st, in, rule);
    return fs;
}

static path_state *exec_insn(engine *e, path_state *st, const ir_insn *in)
{
    switch (in->kind) {
    case INSN_CALL: return exec_call(e, st, in);
    case INSN_ASSIGN: exec_assign(e, st, in); break;
    case INSN_STORE: exec_store(st, in); break;
    case INSN_INCREF: exec_incref(e, st, in); break;
    case INSN_DECREF: exec_decref(st, in); break;
    case INSN_USE: {
        int v = operand_value(st, &in->src);
        st->vals[v].null = NULL_NO;
        break;
    }
    }
    return NULL;
}

/* ---- branches ---- */

/* Can the condition be true / false in this state? */
static void cond_outcomes(path_state *st, const ir_cond *c, bool *can_t,
                          bool *can_f)
{
    *can_t = *can_f = true;
    if (c->kind == COND_OPAQUE)
        return;
    int id = operand_value(st, &c->value);
    const ref_value *v = &st->vals[id];
    if (c->kind == COND_NONZERO) {
        *can_t = v->null != NULL_YES;
        *can_f = v->null != NULL_NO && v->sign >= 0;
    } else if (c->kind == COND_NEG) {
        *can_t = v->sign <= 0;
        *can_f = v->sign >= 0;
    } else if (c->kind == COND_EQ && c->ival == -1) {
        *can_t = v->sign <= 0;
        *can_f = true;
    } else if (c->kind == COND_EQ && c->ival >= 0) {
        *can_t = v->sign >= 0;
    }
}

static void refine(path_state *st, const ir_cond *c, bool taken)
{
    if (c->kind != COND_NONZERO && c->kind != COND_NEG)
        return;
    int id = operand_value(st, &c->value);
    ref_value *v = &st->vals[id];
    if (c->kind == COND_NEG) {
        v->sign = taken ? -1 : 1;
        return;
    }
    v->null = taken ? NULL_NO : NULL_YES;
    if (!taken)
        v->owned = 0;   /* a NULL result holds no reference */
}

static char *branch_text(const ir_func *f, const ir_cond *c, bool taken)
{
    const char *name = c->value.kind == OP_VAR ? var_label(f, c->value.var) : NULL;
    if (name && c->kind == COND_NONZERO)
        return xasprintf("'%s' is %s", name, taken ? "not NULL" : "NULL");
    return xasprintf("taking the %s branch", taken ? "true" : "false");
}

static void exec_branch(engine *e, path_state *st, const cfg_block *b)
{
    bool can_t, can_f;
    cond_outcomes(st, &b->cond, &can_t, &can_f);
    for (int taken = 0; taken < 2; taken++) {
        if (!(taken ? can_t : can_f))
            continue;
        bool last = taken || !can_t;
        path_state *ns = last ? st : state_copy(e->f, st);
        refine(ns, &b->cond, taken);
        if (can_t && can_f)
            add_event(e, ns, b->term_loc, branch_text(e->f, &b->cond, taken));
        ns->block = b->succ[taken ? 0 : 1];
        ns->insn = 0;
        push(e, ns);
        if (last)
            return;
    }
    state_free(st);
}

static void exec_switch(engine *e, path_state *st, const cfg_block *b)
{
    for (size_t i = 0; i < b->nsucc; i++) {
        path_state *ns = i + 1 == b->nsucc ? st : state_copy(e->f, st);
        ns->block = b->succ[i];
        ns->insn = 0;
        push(e, ns);
    }
}

/* ---- checkers ---- */

const ir_func *checker_func(const checker_ctx *cx) { return cx->e->f; }
const cfg_block *checker_block(const checker_ctx *cx) { return cx->b; }
size_t checker_value_count(const checker_ctx *cx) { return cx->st->nvals; }

const ref_value *checker_value(const checker_ctx *cx, size_t i)
{
    return i < cx->st->nvals ? &cx->st->vals[i] : NULL;
}

int checker_return_value(const checker_ctx *cx)
{
    if (cx->b->term != TERM_RETURN || cx->b->value.kind == OP_NONE)
        return -1;
    return operand_value(cx->st, &cx->b->value);
}

static bool key_seen(engine *e, const char *key)
{
    for (size_t i = 0; i < e->nkeys; i++)
        if (!strcmp(e->keys[i], key))
            return true;
    char *k = xstrdup(key);
    ARRAY_PUSH(e->keys, e->nkeys, e->capkeys, k);
    return false;
}

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
        const trace_event *ev = &e->events[chain[j]];
        finding_add_step(fd, e->f->file, ev->loc.line, ev->loc.col, ev->msg);
    }
    free(chain);
}

void checker_report(checker_ctx *cx, const char *rule, const char *severity,
                    ir_loc loc, int value, const char *key,
                    const char *message)
{
    engine *e = cx->e;
    char *dedup = xasprintf("%s|%s", rule, key);
    bool dup = key_seen(e, dedup);
    free(dedup);
    if (dup)
        return;
    finding fd;
    memset(&fd, 0, sizeof fd);
    fd.rule = xstrdup(rule);
    fd.severity = xstrdup(severity);
    fd.file = xstrdup(e->f->file);
    fd.line = loc.line;
    fd.col = loc.col;
    fd.function = xstrdup(e->f->name);
    fd.message = xstrdup(message);
    int from = value >= 0 ? cx->st->vals[value].origin_event : 0;
    add_trace(e, &fd, from < 0 ? 0 : from, cx->st->trace);
    if (cx->b->term == TERM_RETURN)
        finding_add_step(&fd, e->f->file, cx->b->term_loc.line,
                         cx->b->term_loc.col, "the function returns here");
    finding_set_fingerprint(&fd, (int)loc.line - (int)e->f->loc.line, key);
    finding_list_push(e->out, &fd);
}

static void fire(engine *e, path_state *st, const cfg_block *b,
                 engine_event_kind ev)
{
    checker_ctx cx = { e, st, b };
    for (const checker *c = engine_checkers; c->rule; c++)
        c->on_event(&cx, ev);
}

/* ---- the walk ---- */

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

/* A hash of what matters for the rest of the path, independent of value
 * numbering. */
static uint64_t state_hash(const ir_func *f, const path_state *st)
{
    uint64_t h = mix((uint64_t)st->block, st->insn);
    h = mix(h, st->exc_set);
    for (size_t i = 0; i < f->nvars; i++) {
        int v = st->var_val[i];
        if (v < 0) {
            h = mix(h, 0xdead);
            continue;
        }
        const ref_value *rv = &st->vals[v];
        h = mix(h, (uint64_t)rv->owned * 7 + rv->null * 3 + rv->escaped);
        h = mix(h, ((uint64_t)rv->origin.line << 20) ^ rv->origin.col);
        h = mix(h, (uint64_t)(rv->sign + 1));
        for (size_t j = 0; j < i; j++)
            if (st->var_val[j] == v) {
                h = mix(h, j + 1);
                break;
            }
    }
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
    case TERM_RETURN:
        e->stats->paths++;
        fire(e, st, b, EV_RETURN);
        break;
    default:
        break;
    }
    state_free(st);
}

static void run_state(engine *e, path_state *st)
{
    const cfg_block *b = &e->f->blocks[st->block];
    if (st->insn == 0 && ++st->visits[st->block] > e->lim.max_block_visits) {
        state_free(st);
        return;
    }
    if (seen_before(e, state_hash(e->f, st))) {
        state_free(st);
        return;
    }
    while (st->insn < b->ninsns) {
        const ir_insn *in = &b->insns[st->insn++];
        path_state *alt = exec_insn(e, st, in);
        if (alt)
            push(e, alt);
    }
    run_terminator(e, st, b);
}

static void engine_free(engine *e)
{
    for (size_t i = 0; i < e->sp; i++)
        state_free(e->stack[i]);
    free(e->stack);
    for (size_t i = 0; i < e->nevents; i++)
        free(e->events[i].msg);
    free(e->events);
    free(e->seen);
    for (size_t i = 0; i < e->nkeys; i++)
        free(e->keys[i]);
    free(e->keys);
}

void engine_analyze(const ir_func *f, const api_rules *rules,
                    unsigned python_version, const engine_limits *lim,
                    finding_list *out, engine_stats *stats)
{
    stats->functions++;
    if (f->incomplete || f->nblocks == 0) {
        stats->incomplete++;
        return;
    }
    engine e;
    memset(&e, 0, sizeof e);
    e.f = f;
    e.rules = rules;
    e.python_version = python_version;
    if (lim)
        e.lim = *lim;
    else
        engine_default_limits(&e.lim);
    e.out = out;
    e.stats = stats;
    push(&e, state_new(f));
    while (e.sp) {
        if (++e.steps > e.lim.max_steps) {
            e.over_budget = true;
            break;
        }
        run_state(&e, e.stack[--e.sp]);
    }
    if (e.over_budget)
        stats->incomplete++;
    engine_free(&e);
}
