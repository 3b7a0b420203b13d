/* gc_impl.h - what the gc-* checks share (internal to check_gc_types.c,
 * check_gc_funcs.c and gc_common.c): finding a function or a type, the
 * gc= role of a call, and per-function facts about variables.
 *
 * Ownership: a gc_vars owns its arrays (gc_vars_free); the operands it
 * points to belong to the function. */
#ifndef PYREFCHECK_GC_IMPL_H
#define PYREFCHECK_GC_IMPL_H

#include "check_gc.h"

#define GC_MAX_DEPTH 4          /* calls followed into the file's functions */
#define GC_FLAG_HAVE_GC (1LL << 14)   /* Py_TPFLAGS_HAVE_GC */
#define GC_FLAG_BASETYPE (1LL << 10)  /* Py_TPFLAGS_BASETYPE */

bool gc_type_is_gc(const type_def *t);
ir_func *gc_find_func(const gc_unit *u, const char *name);
const type_def *gc_find_type(const gc_unit *u, const char *var);
int gc_field_index(const type_def *t, const char *name);

/* The API rule of a direct call, NULL for others. */
const api_rule *gc_rule(const gc_unit *u, const ir_insn *in);
/* The gc= role of a call; *arg gets its object or type operand (or NULL). */
api_gc gc_role(const gc_unit *u, const ir_insn *in, const ir_operand **arg);

/* Facts about each variable of one function, gathered flow-insensitively
 * from its assignments. */
typedef struct gc_vars {
    size_t n;
    const ir_operand **field;   /* the x->f it was loaded from, or NULL */
    const ir_operand **global;  /* the global it was loaded from, or NULL */
    bool *type_of;              /* holds an object's type (Py_TYPE) */
    bool *self;                 /* the first parameter or a copy of it */
    bool *from_args;            /* a parameter, a parsed argument, a copy */
    bool *typed;                /* its type is looked at (Py_TYPE(v)...) */
    bool *owned;                /* a new reference: a call's new result,
                                   or a value the function increfs */
    bool *atomic;               /* an object that refers to no other (a
                                   str, an int... from an `atomic` call) */
    const char **spec;          /* a type made from this PyType_Spec */
    bool *spec_mixed;           /* ... but also from another one */
} gc_vars;

void gc_vars_init(gc_vars *v, const gc_unit *u, const ir_func *f);
void gc_vars_free(gc_vars *v);

/* Which PyType_Spec each module-state field or global was made from. */
typedef struct gc_spec_home {
    const char *name;           /* field or global */
    const char *spec;
} gc_spec_home;

typedef struct gc_spec_map {
    gc_spec_home *items;
    size_t len, cap;
    bool ready;
} gc_spec_map;

/* The facts of each function of the unit, gathered once (check_gc sets
 * the cache up; the facts are freed with it). */
typedef struct gc_vars_cache {
    gc_vars *vars;              /* one per function of the unit */
    bool *ready;
    gc_spec_map specs;          /* made on first use */
} gc_vars_cache;
const gc_vars *gc_vars_of(const gc_unit *u, const ir_func *f);

/* The type of the file that a type operand denotes (&Static_Type, a
 * variable or module-state field set from PyType_FromSpec(&spec)); NULL. */
const type_def *gc_allocated_type(const gc_unit *u, const gc_vars *v,
                                  const ir_operand *op);
/* The type of the file that every object variable var of f holds is made
 * as (PyObject_New(X, type), or a helper of the file returning a new
 * instance of the type it is given), NULL when not known. */
const type_def *gc_made_type(const gc_unit *u, const ir_func *f, int var);

/* The member of t that op denotes, directly or through a copy; -1. */
int gc_member(const type_def *t, const gc_vars *v, const ir_operand *op);
bool gc_is_self(const gc_vars *v, const ir_operand *op);
bool gc_is_type_of(const gc_vars *v, const ir_operand *op);
/* Does storing op hand over a reference the function owns (a new result,
 * or a value the function increfs)? */
bool gc_is_owned(const ir_func *f, const gc_vars *v, const ir_operand *op);
/* Can the object op denotes be part of a reference cycle (not atomic,
 * and not of a type the function checked)? */
bool gc_may_cycle(const gc_vars *v, const ir_operand *op);
/* Is op an object of any type its caller chose (from_args, not typed)? */
bool gc_is_arbitrary(const gc_vars *v, const ir_operand *op);

/* Does f pass self to a call pyrefcheck cannot see into (not an API
 * function, not one of the file's, not through `visit`)? */
bool gc_opaque_call(const gc_unit *u, const ir_func *f, const gc_vars *v,
                    const ir_insn *in);

void gc_report(const gc_unit *u, const char *rule, const char *severity,
               const char *where, ir_loc loc, int rel, const char *key,
               char *message);

/* The two halves of check_gc. */
void check_gc_types(const gc_unit *u);
void check_gc_funcs(const gc_unit *u);

#endif
