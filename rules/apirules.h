/* apirules.h - what pyrefcheck knows about each C API function and macro:
 * the reference semantics of its result and arguments, loaded from the
 * line-oriented rules files in rules/ (format: rules/FORMAT.md).
 *
 * Ownership: an api_rules table owns every rule and string in it;
 * api_rules_free releases them.  Lookups return pointers into the table,
 * valid until it is freed. */
#ifndef PYREFCHECK_APIRULES_H
#define PYREFCHECK_APIRULES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    RET_UNKNOWN,   /* not stated: the engine assumes the default */
    RET_NEW,       /* a new (owned) reference */
    RET_BORROWED,  /* a borrowed reference */
    RET_VOID,      /* nothing */
    RET_INT,       /* an int / Py_ssize_t status or value */
    RET_OTHER,     /* some other pointer or value */
    RET_NULL       /* always NULL (PyErr_Format and friends) */
} api_ret;

typedef enum {
    FAIL_NEVER,    /* cannot fail */
    FAIL_NULL,     /* returns NULL with an exception set */
    FAIL_NEG1,     /* returns -1 with an exception set */
    FAIL_ZERO,     /* returns 0 with an exception set (PyArg_ParseTuple) */
    FAIL_OCCURRED  /* check PyErr_Occurred() */
} api_fail;

typedef enum {
    EFFECT_NONE,
    EFFECT_INCREF,   /* Py_INCREF(arg) */
    EFFECT_XINCREF,
    EFFECT_DECREF,   /* Py_DECREF(arg) */
    EFFECT_XDECREF,
    EFFECT_CLEAR,    /* Py_CLEAR(lvalue) */
    EFFECT_NEWREF,   /* Py_NewRef(arg): incref, yields arg */
    EFFECT_XNEWREF,
    EFFECT_SETREF,   /* Py_SETREF(lvalue, value) */
    EFFECT_XSETREF
} api_effect;

/* The part a call plays in the garbage collector's protocol (gc-* rules). */
typedef enum {
    GC_NONE,
    GC_TRACK,        /* starts tracking the object (PyObject_GC_Track) */
    GC_UNTRACK,      /* stops tracking it (PyObject_GC_UnTrack) */
    GC_FREE,         /* frees a GC object's memory (PyObject_GC_Del) */
    GC_PLAIN_FREE,   /* frees a non-GC object's memory (PyObject_Del) */
    GC_NEW,          /* allocates a GC instance of the type (PyObject_GC_New) */
    GC_PLAIN_NEW,    /* allocates a non-GC instance (PyObject_New) */
    GC_TYPE_OF,      /* yields the object's type (Py_TYPE) */
    GC_FROM_SPEC,    /* makes a type from the PyType_Spec argument */
    GC_TYPE_TEST,    /* tests the object's type (PyObject_TypeCheck) */
    GC_SAVES_ERROR   /* takes the current exception aside (PyErr_Fetch) */
} api_gc;

/* The exact kind of a new object, as the rules name it (makes=,
 * fails-unless=). */
typedef enum {
    OBJ_UNKNOWN,
    OBJ_BYTES,
    OBJ_STR,
    OBJ_TUPLE,
    OBJ_LIST,
    OBJ_DICT,
    OBJ_HEAP_TYPE      /* a type made at run time (PyType_FromSpec) */
} api_object_kind;

typedef struct api_rule {
    char *name;
    bool is_macro;          /* matched on the macro name as written */
    bool is_slot;           /* matched on the field an indirect call goes
                               through (type->tp_alloc(type, 0)) */
    api_ret ret;
    api_fail fail;
    api_effect effect;
    unsigned effect_arg;    /* 1-based argument the effect applies to */
    unsigned steals;        /* bit n-1 set: argument n is always stolen */
    unsigned steals_on_success;
    unsigned steals_on_failure;
    unsigned nonnull;       /* bit n-1 set: argument n must not be NULL */
    api_object_kind makes;  /* the result is an object of this kind */
    api_object_kind fails_unless; /* the call fails only when argument
                               fails_unless_arg is not of this kind */
    unsigned fails_unless_arg;
    api_object_kind tests_kind; /* the result is nonzero exactly when
                               argument tests_kind_arg is of this kind */
    unsigned tests_kind_arg;
    bool cached_range;      /* for a constant argument 1 within
                               [cached_lo, cached_hi] the result is an
                               object kept by the interpreter: no failure */
    long long cached_lo, cached_hi;
    unsigned refers_to;     /* bit n-1 set: the new object refers to
                               argument n and to no object other than
                               such arguments (a builtin's self, module) */
    unsigned keeps;         /* bit n-1 set: on success the container
                               (argument 1) holds its own reference to
                               argument n (PyDict_SetItem's value) */
    bool noreturn;
    bool raises;            /* always sets an exception */
    bool clears_error;      /* clears the error indicator */
    bool tests_error;       /* result non-NULL iff an exception is set */
    bool null_ok;           /* may return NULL without an exception */
    bool checks_null;       /* a NULL argument raises SystemError instead
                               of crashing */
    bool releases_gil;      /* the thread does not hold the GIL after it */
    bool acquires_gil;      /* the thread holds the GIL after it */
    bool no_gil;            /* may be called without the GIL */
    bool returns_value;     /* with FAIL_NEG1: success returns a count or a
                               truth value rather than 0 */
    unsigned zero_iff_arg;  /* the result is 0 when this 1-based argument
                               is 0 (makeError(0)); 0: none */
    unsigned nonzero_if_arg;/* the result is not 0 when this 1-based
                               argument is not 0; 0: none */
    unsigned null_if_arg;   /* NULL without an exception comes back only
                               for a NULL argument N, and always does */
    bool returns_zero;      /* always returns 0 (an int that cannot fail) */
    bool or_static;         /* returns a new reference, or Py_None borrowed */
    bool two_refs;          /* with returns=new: two new references to the
                               result, one the caller hands on (to a C
                               library that keeps the object) */
    bool fresh;             /* returns a newly made object (or a cached one
                               of its own kind), never a static singleton
                               such as Py_None or a static type */
    char *never_is;         /* the result is never the static object this
                               global is (&_Py_NotImplementedStruct for
                               PyNumber_Add), though it may be another
                               one; NULL: no such claim */
    bool format_result;     /* with a build format: the result is the value
                               the format describes (Py_BuildValue) */
    unsigned returns_arg;   /* 1-based argument it returns, with one more
                               reference (Py_INCREF(x); return x;); 0: none */
    unsigned out_new;       /* 1-based PyObject ** argument that receives a
                               new reference when the call returns 1, and
                               NULL when it returns 0 or fails
                               (_PyObject_LookupAttr); 0: none */
    bool size_of;           /* returns the number of items of the tuple or
                               list argument 1 */
    bool item_get;          /* returns, borrowed, the item at index arg 2
                               of container arg 1 (PyTuple_GET_ITEM) */
    bool item_set;          /* puts arg 3 into slot arg 2 of container
                               arg 1 without releasing what the slot held:
                               that reference is now the caller's */
    char *table;            /* item-get / item-set of the file's own
                               accessors: the slot is not in container
                               arg 1 at index arg 2 but in a table the
                               file keeps in global memory, named so
                               (ir_func.table_slot), element table_index;
                               found by the summaries, NULL otherwise */
    unsigned table_index;   /* 1-based argument choosing the element, 0:
                               one fixed slot */
    bool item_put;          /* puts arg 3 into slot arg 2 of container arg
                               1 and fails only for a wrong container or an
                               index out of range (PyTuple_SetItem) */
    unsigned new_size_arg;  /* the result is a new container holding as
                               many items as this 1-based argument */
    bool atomic;            /* its result refers to no other object (a str,
                               bytes, int, float; a weak reference): it
                               cannot be part of a reference cycle */
    bool misuse_only;       /* fails only when called wrongly (bad
                               arguments): correct code never sees it */
    bool stack_memory;      /* returns memory of the caller's stack frame
                               (alloca): its items are the caller's locals */
    bool may_raise;         /* (summaries) may leave an exception set that
                               its result does not tell */
    unsigned format_arg;    /* 1-based position of a format string, 0: none */
    unsigned format_values; /* 1-based position of the first value for it */
    bool format_build;      /* a Py_BuildValue format (else PyArg_Parse) */
    unsigned unpack_outputs;/* 1-based position of the first PyObject **
                               output of PyArg_UnpackTuple, 0: none */
    char *member;           /* the call reads member `member` of argument 1,
                               or (returning void) sets it to argument 2:
                               Py_SIZE / Py_SET_SIZE; NULL: none */
    api_gc gc;              /* role in the GC protocol */
    unsigned gc_arg;        /* 1-based argument: the object or the type */
    unsigned since;         /* PY_VERSION_HEX-style 0xMMmm0000, 0 = always */
    unsigned until;         /* first version without it, 0 = still there */
    char *origin;           /* "file:line" of the defining line */
} api_rule;

typedef struct api_rules api_rules;

api_rules *api_rules_new(void);
void api_rules_free(api_rules *r);

/* Parse rules text; later definitions of a name replace earlier ones.
 * On error returns -1 and writes "origin:line: reason" into err. */
int api_rules_load_text(api_rules *r, const char *origin, const char *text,
                        char *err, size_t errlen);
int api_rules_load_file(api_rules *r, const char *path, char *err,
                        size_t errlen);

/* Add (or replace) a rule; its strings are copied. */
void api_rules_put(api_rules *r, const api_rule *rule);

/* Look up a function (is_macro false) or macro (true) by name. */
const api_rule *api_rules_find(const api_rules *r, const char *name,
                               bool is_macro);
/* Look up the rule of a type slot called indirectly (a `slot` line). */
const api_rule *api_rules_find_slot(const api_rules *r, const char *name);
size_t api_rules_count(const api_rules *r);

/* Every rule, sorted by name (functions before macros of the same name);
 * *out (caller frees the array, not the rules) gets api_rules_count
 * entries. */
size_t api_rules_sorted(const api_rules *r, const api_rule ***out);

#endif
