/* init_globals.c - which object globals are set whenever the module's
 * functions run.
 *
 * A module's other functions can only be called once its initialisation
 * (PyInit_<name>, and the static helpers only it calls) has succeeded.  A
 * pointer-to-object global that no other function assigns (a store, a
 * Py_CLEAR, its address handed to a call) keeps what initialisation put
 * there: the exception classes and types a module makes at import.  Its
 * reads in the other functions are marked set_at_init, and the engine
 * takes them to be non-NULL (switch (err) { ... default: exc = DBError; }
 * then raises for sure).  The same holds for extern object globals that
 * the file only reads (the interpreter's PyExc_*): the front end marks
 * those, and a function of the file that assigns one unmarks it. */
#include "init_globals.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/util.h"

/* A static helper called by initialisation functions only. */
static bool init_helper(ir_func *const *funcs, size_t n, const bool *init, size_t k)
{
    bool called = false;
    if (!funcs[k]->is_static || funcs[k]->python_facing)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i == k || !ir_func_calls(funcs[i], funcs[k]->name))
            continue;
        if (!init[i])
            return false;
        called = true;
    }
    return called;
}

/* init[i]: funcs[i] runs only while the module is initialised. */
static bool *init_functions(ir_func *const *funcs, size_t n)
{
    bool *init = xcalloc(n + 1, sizeof *init);
    for (size_t i = 0; i < n; i++)
        init[i] = !strncmp(funcs[i]->name, "PyInit_", 7);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++)
            if (!init[i] && init_helper(funcs, n, init, i))
                init[i] = grew = true;
    }
    return init;
}

/* The globals f may assign: stored into, cleared, or handed by address. */
static void note_assigned(const ir_func *f, str_set *assigned)
{
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if (in->kind == INSN_STORE && in->target.kind == OP_GLOBAL && in->target.text)
                str_set_add(assigned, in->target.text);
            if (in->kind == INSN_DECREF && in->clears &&
                in->src.kind == OP_GLOBAL && in->src.text)
                str_set_add(assigned, in->src.text);
            for (size_t a = 0; in->kind == INSN_CALL && a < in->nargs; a++)
                if (in->args[a].kind == OP_ADDR_GLOBAL && in->args[a].text)
                    str_set_add(assigned, in->args[a].text);
        }
}

typedef struct global_sets {
    str_set at_init;      /* assigned by initialisation */
    str_set elsewhere;    /* assigned by another function */
} global_sets;

/* A read of a global set at initialisation (by this file's PyInit_*, or,
 * as the front end marked it, by whoever defines an extern one) that no
 * other function of the file assigns. */
static void mark_operand(ir_operand *op, const global_sets *g)
{
    if (op->kind != OP_GLOBAL || !op->text || op->scalar)
        return;
    op->set_at_init = (op->set_at_init || str_set_has(&g->at_init, op->text)) &&
                      !str_set_has(&g->elsewhere, op->text);
}

static void mark_function(ir_func *f, const global_sets *assigned)
{
    for (size_t b = 0; b < f->nblocks; b++) {
        cfg_block *bl = &f->blocks[b];
        for (size_t i = 0; i < bl->ninsns; i++) {
            ir_insn *in = &bl->insns[i];
            mark_operand(&in->src, assigned);
            for (size_t a = 0; a < in->nargs; a++)
                mark_operand(&in->args[a], assigned);
        }
        mark_operand(&bl->cond.value, assigned);
        mark_operand(&bl->cond.rhs, assigned);
        mark_operand(&bl->value, assigned);
    }
}

void mark_init_globals(ir_func *const *funcs, size_t n)
{
    bool *init = init_functions(funcs, n);
    global_sets g = { { NULL, 0, 0 }, { NULL, 0, 0 } };
    for (size_t i = 0; i < n; i++)
        note_assigned(funcs[i], init[i] ? &g.at_init : &g.elsewhere);
    for (size_t i = 0; i < n; i++)
        if (!init[i])
            mark_function(funcs[i], &g);
    str_set_free(&g.at_init);
    str_set_free(&g.elsewhere);
    free(init);
}
