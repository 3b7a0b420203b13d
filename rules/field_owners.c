/* field_owners.c - which struct members hold references of their own,
 * judged over all the functions of a file before the engine runs.
 *
 * The engine takes a pointer-to-object member to own the object it points
 * to: overwriting it hands the old reference to the function.  A member
 * that the file never releases (Py_DECREF, Py_CLEAR, Py_SETREF of it, or
 * handing it to a call that takes it, in any function) and never gives a
 * reference of its own (a new or increfed object that the storing
 * function does not also return, or a Py_INCREF of the member itself:
 * view->obj = self; Py_INCREF(view->obj);) holds none: a back-pointer
 * (self->txn = txn), a link of an intrusive list (parent->children = self;
 * return self;).  Its operands are marked scalar so that the engine
 * leaves them alone.  A call to a one-statement getter of a table
 * (return T[i].f;) reads the member it returns. */
#include "field_owners.h"

#include <stdlib.h>
#include <string.h>

#include "gc_impl.h"
#include "../analyzer/util.h"

typedef struct member_use {
    const char *rec, *name;
    bool stored;        /* something other than NULL is stored into it */
    bool owns;          /* it is released somewhere, or takes a reference */
} member_use;

typedef struct member_uses {
    member_use *items;
    size_t len, cap;
} member_uses;

static member_use *use_of(member_uses *m, const ir_operand *op)
{
    if (op->kind != OP_FIELD || !op->rec || !op->text || op->scalar)
        return NULL;
    for (size_t i = 0; i < m->len; i++)
        if (!strcmp(m->items[i].rec, op->rec) && !strcmp(m->items[i].name, op->text))
            return &m->items[i];
    member_use u = { op->rec, op->text, false, false };
    ARRAY_PUSH(m->items, m->len, m->cap, u);
    return &m->items[m->len - 1];
}

/* The member an operand denotes, directly or loaded into a variable. */
static member_use *member_of(member_uses *m, const gc_vars *v, const ir_operand *op)
{
    if (op->kind == OP_VAR && op->var >= 0 && (size_t)op->var < v->n && v->field[op->var])
        op = v->field[op->var];
    return use_of(m, op);
}

/* Does f return the object op holds (the same variable, or a copy)? */
static bool returns(const ir_func *f, const ir_operand *op)
{
    if (op->kind != OP_VAR || op->var < 0)
        return false;
    for (size_t b = 0; b < f->nblocks; b++) {
        const ir_operand *r = &f->blocks[b].value;
        if (f->blocks[b].term != TERM_RETURN || r->kind != OP_VAR || r->var < 0)
            continue;
        if (r->var == op->var)
            return true;
        for (size_t k = 0; k < f->blocks[b].ninsns; k++) {
            const ir_insn *in = &f->blocks[b].insns[k];
            if (in->kind == INSN_ASSIGN && in->dst == r->var &&
                in->src.kind == OP_VAR && in->src.var == op->var)
                return true;
        }
    }
    return false;
}

static void note_insn(member_uses *m, const gc_unit *gu, const ir_func *f,
                      const gc_vars *v, const ir_insn *in)
{
    member_use *u;
    if (in->kind == INSN_STORE && in->src.kind != OP_NULL &&
        (u = use_of(m, &in->target))) {
        u->stored = true;
        /* a reference the function owns and does not return: the member
         * takes it (not so for "p->children = self; return self;") */
        u->owns |= gc_is_owned(f, v, &in->src) && !returns(f, &in->src);
    }
    /* Py_DECREF(self->x), or Py_CLEAR / Py_SETREF through a temporary;
     * Py_INCREF(view->obj) after storing into it: the member's own */
    if ((in->kind == INSN_DECREF || in->kind == INSN_INCREF) &&
        (u = member_of(m, v, &in->src)))
        u->owns = true;
    /* handed to a call that takes it over: PyErr_Restore(self->type, ...) */
    const api_rule *r = gc_rule(gu, in);
    unsigned steals = r ? r->steals | r->steals_on_success : 0;
    for (size_t a = 0; steals && a < in->nargs && a < 32; a++)
        if ((steals & (1u << a)) && (u = member_of(m, v, &in->args[a])))
            u->owns = true;
}

static void mark_scalar(ir_operand *op, const member_uses *m)
{
    if (op->kind != OP_FIELD || !op->rec || !op->text)
        return;
    for (size_t i = 0; i < m->len; i++) {
        const member_use *u = &m->items[i];
        if (u->stored && !u->owns && !strcmp(u->rec, op->rec) &&
            !strcmp(u->name, op->text))
            op->scalar = true;
    }
}

/* The member a one-statement getter of a table returns (return T[i].f;),
 * or NULL: a call to it reads that member. */
static const ir_operand *getter_member(const ir_func *f)
{
    if (!f->table_slot || f->table_value || f->nblocks != 1 ||
        f->blocks[0].term != TERM_RETURN)
        return NULL;
    const ir_operand *r = &f->blocks[0].value;
    return r->kind == OP_FIELD && r->rec && r->text ? r : NULL;
}

/* The member a call of getter reads, or NULL. */
static const ir_operand *call_reads_member(ir_func *const *getters, size_t ng,
                                           const ir_insn *in)
{
    for (size_t g = 0; in->kind == INSN_CALL && in->callee && g < ng; g++)
        if (!strcmp(getters[g]->name, in->callee))
            return getter_member(getters[g]);
    return NULL;
}

/* Variables holding what a table getter returned hold its member, as a
 * load of it does: "old = get(i); Py_DECREF(old);" releases the member. */
static void note_getter_results(gc_vars *v, const ir_func *f,
                                ir_func *const *getters, size_t ng)
{
    bool any = false;
    for (size_t b = 0; ng && b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            const ir_operand *m = call_reads_member(getters, ng, in);
            if (m && in->dst >= 0 && (size_t)in->dst < v->n && !v->field[in->dst]) {
                v->field[in->dst] = m;
                any = true;
            }
        }
    for (int round = 0; any && round < 8; round++) {
        any = false;
        for (size_t b = 0; b < f->nblocks; b++)
            for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
                const ir_insn *in = &f->blocks[b].insns[i];
                if (in->kind != INSN_ASSIGN || in->dst < 0 || (size_t)in->dst >= v->n ||
                    in->src.kind != OP_VAR || in->src.var < 0 ||
                    (size_t)in->src.var >= v->n || !v->field[in->src.var] ||
                    v->field[in->dst])
                    continue;
                v->field[in->dst] = v->field[in->src.var];
                any = true;
            }
    }
}

void mark_borrowed_members(ir_func *const *funcs, size_t n,
                           const api_rules *rules, unsigned python_version)
{
    type_def_list none = { NULL, 0, 0 };
    def_table_list no_tables = { NULL, 0, 0 };
    gc_unit u = { funcs, n, &none, &no_tables, rules, python_version, "", NULL, NULL };
    member_uses m = { NULL, 0, 0 };
    ir_func **getters = NULL;
    size_t ng = 0, capg = 0;
    for (size_t k = 0; k < n; k++)
        if (getter_member(funcs[k]))
            ARRAY_PUSH(getters, ng, capg, funcs[k]);
    for (size_t k = 0; k < n; k++) {
        const ir_func *f = funcs[k];
        gc_vars v;
        gc_vars_init(&v, &u, f);
        note_getter_results(&v, f, getters, ng);
        for (size_t b = 0; b < f->nblocks; b++)
            for (size_t i = 0; i < f->blocks[b].ninsns; i++)
                note_insn(&m, &u, f, &v, &f->blocks[b].insns[i]);
        gc_vars_free(&v);
    }
    for (size_t k = 0; k < n; k++)
        for (size_t b = 0; b < funcs[k]->nblocks; b++)
            for (size_t i = 0; i < funcs[k]->blocks[b].ninsns; i++) {
                ir_insn *in = &funcs[k]->blocks[b].insns[i];
                mark_scalar(&in->src, &m);
                mark_scalar(&in->target, &m);
                for (size_t a = 0; a < in->nargs; a++)
                    mark_scalar(&in->args[a], &m);
            }
    for (size_t k = 0; k < n; k++)
        for (size_t b = 0; b < funcs[k]->nblocks; b++) {
            cfg_block *blk = &funcs[k]->blocks[b];
            mark_scalar(&blk->cond.value, &m);
            mark_scalar(&blk->cond.rhs, &m);
            mark_scalar(&blk->value, &m);
        }
    free(m.items);
    free(getters);
}

/* Do two operands name the same member (a field, or memory reached
 * through it), of whichever object? */
static bool same_member_name(const ir_operand *a, const ir_operand *b)
{
    if ((b->kind != OP_FIELD && b->kind != OP_DEREF) || !b->text ||
        strcmp(a->text, b->text))
        return false;
    return !a->rec || !b->rec || !strcmp(a->rec, b->rec);
}

/* How many operands of f, besides branch conditions (a NULL test), name
 * the member op names. */
static size_t member_mentions(const ir_func *f, const ir_operand *op)
{
    size_t n = 0;
    for (size_t b = 0; b < f->nblocks; b++) {
        const cfg_block *blk = &f->blocks[b];
        n += same_member_name(op, &blk->value);
        for (size_t i = 0; i < blk->ninsns; i++) {
            const ir_insn *in = &blk->insns[i];
            n += same_member_name(op, &in->src) + same_member_name(op, &in->target);
            for (size_t a = 0; a < in->nargs; a++)
                n += same_member_name(op, &in->args[a]);
        }
    }
    return n;
}

/* A Py_INCREF of a member in place (Py_XINCREF(dst->proto)) in a function
 * that names that member nowhere else gives the member its reference: the
 * function does not use the object, and the member's value came without
 * one (a memcpy of the struct, a helper that filled it in).  Increfs of a
 * member the function also reads, returns, passes or overwrites, and
 * increfs of a variable loaded from one, stay the function's own. */
void mark_member_increfs(ir_func *const *funcs, size_t n)
{
    for (size_t k = 0; k < n; k++)
        for (size_t b = 0; b < funcs[k]->nblocks; b++)
            for (size_t i = 0; i < funcs[k]->blocks[b].ninsns; i++) {
                ir_insn *in = &funcs[k]->blocks[b].insns[i];
                if (in->kind == INSN_INCREF && in->src.kind == OP_FIELD &&
                    in->src.text && !in->src.scalar)
                    in->to_member = member_mentions(funcs[k], &in->src) == 1;
            }
}
