/* ir.h - the per-function intermediate representation that the engine and
 * the checkers work on: a control-flow graph of basic blocks holding a
 * handful of instruction kinds, each with its source location.
 *
 * The front end (frontend.c) builds an ir_func from libclang cursors; no
 * other layer sees libclang.  Ownership: an ir_func owns its variables,
 * blocks, instructions, operands and strings; ir_func_free releases all. */
#ifndef PYREFCHECK_IR_H
#define PYREFCHECK_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ir_loc {
    unsigned line, col;         /* in the function's file (ir_func.file) */
} ir_loc;

/* A variable: a parameter, a local, or a temporary made by lowering. */
typedef enum { VAR_PARAM, VAR_LOCAL, VAR_TEMP } ir_var_kind;

typedef struct ir_var {
    char *name;
    ir_var_kind kind;
    bool is_object;             /* pointer to a PyObject-like struct */
    bool is_struct;             /* holds a struct itself (not a pointer)
                                   with a member pointing to an object: its
                                   members (s.f) are places of its own */
    bool is_unsigned;           /* an unsigned integer: never below 0 */
    char *rec;                  /* a declared object pointer: the USR of the
                                   struct it points to (the C type the code
                                   gives the object), or NULL */
} ir_var;

/* What an operand denotes. */
typedef enum {
    OP_NONE,      /* no value (void return, missing argument) */
    OP_VAR,       /* a variable: var */
    OP_NULL,      /* the null pointer constant */
    OP_INT,       /* an integer constant: ival */
    OP_STRING,    /* a string literal: text */
    OP_GLOBAL,    /* a global or static object: text = its name */
    OP_ADDR,      /* &var: var (an out-parameter for a call) */
    OP_ADDR_GLOBAL, /* &global: text (e.g. Py_None is &_Py_NoneStruct) */
    OP_FIELD,     /* base->field, or s.field of a struct variable s:
                     var = base (-1 if not a variable), text = field name */
    OP_DEREF,     /* *var, var[i] or var->field[i]: var, text = the field
                     (NULL: the memory var points to), index: which
                     element */
    OP_UNKNOWN    /* anything the engine need not understand */
} ir_operand_kind;

/* OP_DEREF: how the element is chosen. */
typedef enum {
    IDX_UNKNOWN,  /* an expression the IR does not follow (i + 3) */
    IDX_CONST,    /* the constant ival (*p is p[0]) */
    IDX_VAR       /* the value of variable index_var */
} ir_index_kind;

typedef struct ir_operand {
    ir_operand_kind kind;
    int var;                    /* variable index or -1 */
    long long ival;
    char *text;
    char *rec;                  /* OP_FIELD: the unified symbol (USR) of the
                                   struct that declares the field, or NULL */
    bool scalar;                /* OP_FIELD, OP_GLOBAL, OP_DEREF through a
                                   local variable: its C type is not
                                   a pointer to a Python object (an int, a
                                   float, a C pointer): it holds no reference */
    bool set_at_init;           /* OP_GLOBAL: an object pointer that only the
                                   module's initialisation assigns, read
                                   elsewhere: it is set whenever this runs */
    ir_index_kind index;        /* OP_DEREF */
    int index_var;              /* OP_DEREF, IDX_VAR */
} ir_operand;

typedef enum {
    INSN_CALL,    /* dst = callee(args...); dst may be -1 */
    INSN_ASSIGN,  /* var dst = src */
    INSN_STORE,   /* *target = src: target is OP_FIELD, OP_DEREF, OP_GLOBAL */
    INSN_INCREF,  /* Py_INCREF(src); nullable for the X variant */
    INSN_DECREF,  /* Py_DECREF(src); nullable for X; clears for Py_CLEAR */
    INSN_USE      /* src is dereferenced (x->field read, *x) */
} ir_insn_kind;

typedef struct ir_insn {
    ir_insn_kind kind;
    ir_loc loc;
    int dst;                    /* CALL/ASSIGN: destination variable or -1 */
    ir_operand src;             /* ASSIGN/STORE/INCREF/DECREF/USE */
    ir_operand target;          /* STORE */
    char *callee;               /* CALL: function name, NULL if indirect */
    char *via;                  /* CALL, indirect: the field or variable
                                   called through (tp_free, visit), or NULL */
    char *macro;                /* INCREF/DECREF: macro name as written */
    ir_operand *args;           /* CALL */
    size_t nargs;
    char **arg_types;           /* CALL: canonical C type of each argument
                                   (qualifiers dropped), NULL if unknown */
    long *arg_elems;            /* CALL: for an array argument with an
                                   initialiser, its non-NULL elements; -1 */
    bool nullable;              /* INCREF/DECREF: X variant */
    bool clears;                /* DECREF: Py_CLEAR sets the variable NULL */
    bool to_member;             /* INCREF: in place, of a member the function
                                   names nowhere else: the member takes the
                                   reference (its value was copied in whole,
                                   by memcpy, without one) */
    bool minus_one;             /* ASSIGN: dst = src - 1 (an int: a count
                                   or index lowered by one) */
} ir_insn;

/* How a block ends. */
typedef enum {
    TERM_NONE,    /* not yet terminated (only during construction) */
    TERM_GOTO,    /* succ[0] */
    TERM_BRANCH,  /* if cond then succ[0] else succ[1] */
    TERM_SWITCH,  /* on value: cases -> succ[i], default succ[ncases] */
    TERM_RETURN,  /* return value (OP_NONE for void) */
    TERM_NORETURN /* a call that never returns (abort, Py_FatalError) */
} ir_term_kind;

/* A branch condition over one operand. */
typedef enum {
    COND_NONZERO, /* value != 0 / != NULL */
    COND_NEG,     /* value < 0 */
    COND_POS,     /* value > 0 */
    COND_EQ,      /* value == ival */
    COND_CMP,     /* value CMP rhs, two variables (cmp: ir_cmp) */
    COND_OPAQUE   /* something the engine cannot interpret */
} ir_cond_kind;

typedef enum { CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ, CMP_NE } ir_cmp;

typedef struct ir_cond {
    ir_cond_kind kind;
    ir_operand value;
    long long ival;
    ir_operand rhs;             /* COND_CMP */
    ir_cmp cmp;                 /* COND_CMP */
    bool negated;               /* the source's test is the opposite one
                                   (x <= 0 is kept as x > 0, successors
                                   exchanged) */
} ir_cond;

typedef struct cfg_block {
    int id;
    ir_insn *insns;
    size_t ninsns, capinsns;
    ir_term_kind term;
    ir_loc term_loc;
    ir_cond cond;               /* TERM_BRANCH */
    ir_operand value;           /* TERM_RETURN, TERM_SWITCH */
    int *succ;
    size_t nsucc, capsucc;
    long long *case_vals;       /* TERM_SWITCH: one per succ except default */
    size_t ncases, capcases;
} cfg_block;

typedef struct ir_func {
    char *name;
    char *file;
    ir_loc loc;                 /* location of the function name */
    ir_loc end_loc;             /* closing brace */
    bool returns_object;        /* returns PyObject * (or a pointer to one) */
    bool returns_int;
    bool is_static;
    bool returns_borrowed;      /* annotated: returns a borrowed reference */
    unsigned steals_params;     /* annotated: bit n-1 = takes over param n */
    bool python_facing;         /* exported, or its address is taken (a
                                   method, a slot, a callback): called by
                                   Python rather than by this file */
    bool address_taken;         /* the file takes its address */
    bool iternext;              /* a type's tp_iternext: NULL without an
                                   exception is the end of the iteration */
    bool dealloc;               /* a type's tp_dealloc: it disposes of the
                                   object it is given (its parameter 1) */
    ir_var *vars;
    size_t nvars, capvars;
    size_t nparams;             /* the first nparams vars are the parameters */
    cfg_block *blocks;          /* blocks[0] is the entry */
    size_t nblocks, capblocks;
    bool incomplete;            /* a construct was not understood */
    char *incomplete_reason;
    bool summary_only;          /* defined in an included file: analysed
                                   for its callers' sake, not reported */
    char *table_slot;           /* a one-statement accessor of a table the
                                   file keeps in global memory (return
                                   T[i].f; or T[i].f = v;): the slot it
                                   reads or writes, named by the global's
                                   unified symbol and the path to it
                                   ("c:m.c@T[].f"); NULL if not one */
    unsigned table_index;       /* 1-based parameter the slot is chosen by
                                   (T[i]), 0: a fixed slot */
    unsigned table_value;       /* a setter: the 1-based parameter it
                                   stores; 0: a getter, returning the
                                   slot's object borrowed */
} ir_func;

/* Construction (used by the front end and by tests). */
ir_func *ir_func_new(const char *name, const char *file);
void ir_func_free(ir_func *f);
/* Does f call the function named callee directly? */
bool ir_func_calls(const ir_func *f, const char *callee);
int ir_add_var(ir_func *f, const char *name, ir_var_kind kind, bool is_object);
int ir_new_temp(ir_func *f, bool is_object);
int ir_new_block(ir_func *f);
ir_insn *ir_append(ir_func *f, int block, ir_insn_kind kind, ir_loc loc);
void ir_call_add_arg(ir_insn *call, ir_operand arg);
/* The same with the argument's C type (copied, may be NULL) and, for an
 * initialised array, its number of non-NULL elements (-1: not known). */
void ir_call_add_typed_arg(ir_insn *call, ir_operand arg, const char *type,
                           long elems);
void ir_set_goto(ir_func *f, int block, int target, ir_loc loc);
void ir_set_branch(ir_func *f, int block, ir_cond cond, int if_true,
                   int if_false, ir_loc loc);
void ir_set_return(ir_func *f, int block, ir_operand value, ir_loc loc);
void ir_set_noreturn(ir_func *f, int block, ir_loc loc);
void ir_switch_begin(ir_func *f, int block, ir_operand value, ir_loc loc);
void ir_switch_add_case(ir_func *f, int block, long long val, int target);
void ir_switch_add_default(ir_func *f, int block, int target);
void ir_mark_incomplete(ir_func *f, const char *reason);

/* A condition (rhs none, cmp unused but for COND_CMP). */
ir_cond ir_cond_make(ir_cond_kind kind, ir_operand value, long long ival);

/* Operand constructors; strings are copied. */
ir_operand ir_op_none(void);
ir_operand ir_op_var(int var);
ir_operand ir_op_null(void);
ir_operand ir_op_int(long long v);
ir_operand ir_op_text(ir_operand_kind kind, int var, const char *text);
ir_operand ir_op_copy(const ir_operand *op);
void ir_op_free(ir_operand *op);

/* Remove blocks unreachable from the entry and renumber the rest. */
void ir_prune_unreachable(ir_func *f);

/* Dump in a stable text form, one block per paragraph (used by tests and
 * `pyrefcheck dump-ir`). */
void ir_dump(const ir_func *f, FILE *out);

#endif
