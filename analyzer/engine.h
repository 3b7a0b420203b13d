/* engine.h - the path-sensitive reference engine.
 *
 * For one ir_func the engine walks the paths of the CFG (splitting where an
 * API call can fail and at branches on tracked values, pruning paths that
 * contradict what is known), and keeps for each symbolic object the number
 * of references the function owns, whether it may be NULL and whether it
 * was handed over.  Checkers (rules/checkers.c) are called at events on
 * each path and report findings with the path that led there.
 *
 * Ownership: engine_analyze appends findings to the caller's list; all
 * engine state is freed before it returns. */
#ifndef PYREFCHECK_ENGINE_H
#define PYREFCHECK_ENGINE_H

#include <stdbool.h>

#include "finding.h"
#include "ir.h"
#include "../rules/apirules.h"

typedef enum { NULL_UNKNOWN, NULL_YES, NULL_NO } nullness;

/* Where a value's references come from. */
typedef enum {
    REF_UNKNOWN,   /* nothing known: no ownership claims are made */
    REF_BORROWED,  /* borrowed: a parameter, a borrowed API result, the
                      address of a static object */
    REF_HELD,      /* read from a field or global that owns a reference */
    REF_NEW        /* a new reference the function received */
} ref_kind;

/* Is an exception set on this path? */
typedef enum { EXC_NO, EXC_YES, EXC_MAYBE } exc_state;

/* What the engine knows about one object on the current path. */
typedef struct ref_value {
    ref_kind kind;
    int owned;             /* references this function owns */
    nullness null;
    bool escaped;          /* stored where something else owns it */
    bool tracked;          /* the function owned a reference at some point */
    bool released;         /* its last owned reference was released: the
                              object may have been freed */
    bool stolen;           /* its last owned reference was handed over */
    bool assumed;          /* a new reference by CPython's convention only */
    bool summarized;       /* a new reference by a summary of one of the
                              file's functions */
    bool static_obj;       /* a statically allocated object (&_Py_NoneStruct,
                              a static type): never freed */
    bool maybe_static;     /* new, unless it is the static object that an
                              or-static call may return instead */
    bool fresh;            /* a newly made object (a fresh call's result):
                              never a static object such as Py_None */
    const char *never_is;  /* the global naming the one static object it
                              is never (a never-is call's result: never
                              &_Py_NotImplementedStruct), NULL: none */
    bool param_alias;      /* a static object a parameter was found equal
                              to (if (arg == Py_None)), in a helper: its
                              release may be the parameter's */
    bool err_indicator;    /* the result of PyErr_Occurred() */
    api_object_kind made;  /* the kind of object its constructor makes, or
                              that a type test found */
    int member_alias;      /* a static object a member holding a reference
                              was found equal to (o->x == Py_None): the
                              member's value, whose reference a release of
                              this one drops; -1 if none */
    int kind_of;           /* a type test's result: the value it tests,
                              -1 if not */
    api_object_kind kind_tested; /* ... and the kind it tests for */
    bool is_param;
    bool from_caller;      /* a parameter the function takes over */
    bool place_released;   /* REF_HELD: the field's own reference was
                              released (Py_DECREF(self->x)) */
    ir_loc origin;         /* where the new reference was made */
    const char *origin_api;/* the call that made it (NULL: an incref) */
    ir_loc release_loc;    /* where it was released or stolen */
    const char *release_api;
    const char *null_api;  /* the failing call that made it NULL */
    int owner;             /* borrowed from this value, -1 if not */
    int slot_of;           /* read out of this container's slot (an
                              item-get call), -1 if not */
    const char *slot_table;/* ... or out of this table's slot (a table
                              accessor of the file: api_rule.table) */
    int slot_kind;         /* its index: 1 a constant, 2 a value */
    long long slot_key;    /* the constant, or the index's value */
    bool slot_taken;       /* its slot was overwritten (item-set): the
                              container's reference is the function's */
    int size_of;           /* the item count of this container value (a
                              size-of result), -1 if not */
    int less_of;           /* an int one less than this value (n - 1), -1 */
    bool count_lowered;    /* such an int stored back where that value was
                              read from (--self->n): an element read at this
                              index was taken off the end of a stack */
    long long min_items;   /* a container: items it is known to have */
    int items_val;         /* a new container: the value its item count
                              was made from (PyTuple_New(n)), -1 */
    int below;             /* an int known to be less than this value
                              (after i < n), -1 */
    int same;              /* an int known equal to this one (after
                              a == b, or a != b not taken), -1 */
    int name_var;          /* first named variable that held it, or -1 */
    int sign;              /* int results: -1 negative, 0 unknown, 1 >= 0 */
    int made_of_type;      /* an object made by PyObject_New of a type
                              that may be a heap type: that type's value,
                              whose reference the object holds; -1 */
    bool type_ref;         /* an owned reference to a heap type that a raw
                              free (PyObject_Del) handed back */
    bool has_lo, has_hi;   /* an int's bounds known on the path (from
                              tests against constants): lo <= v <= hi */
    long long lo, hi;
    bool status;           /* the success result of a call that fails with
                              -1: tested for truth, it is 0 */
    int origin_event;      /* trace event of the origin, -1 if none */
    int null_event;        /* trace event that made it NULL, -1 if none */
    int release_event;     /* trace event of the release, -1 if none */
} ref_value;

typedef struct engine_limits {
    unsigned max_block_visits;   /* per path, per block (loop unrolling) */
    unsigned max_states_per_block;
    unsigned max_steps;          /* per function; past it: incomplete */
} engine_limits;

typedef struct engine_stats {
    unsigned functions, incomplete, paths;
} engine_stats;

/* Events at which checkers run, before the engine applies the effect. */
typedef enum {
    EV_RETURN,    /* the path returns: value = returned value or -1 */
    EV_USE,       /* value is dereferenced */
    EV_ARG,       /* value is passed as argument arg of a call */
    EV_INCREF,    /* value is increfed (insn->nullable for the X variant) */
    EV_DECREF,    /* value is decrefed */
    EV_STEAL,     /* value's reference is taken by a stealing call */
    EV_CALL       /* a call described by the rules (checker_callee_rule) */
} engine_event_kind;

typedef struct checker_ctx checker_ctx;

typedef struct checker {
    const char *rule;
    void (*on_event)(checker_ctx *cx, engine_event_kind ev);
} checker;

/* The checkers run by the engine (defined in rules/checkers.c). */
extern const checker engine_checkers[];

/* ---- what a checker can see and do ---- */
const ir_func *checker_func(const checker_ctx *cx);
/* The block being executed (for EV_RETURN its terminator returns). */
const cfg_block *checker_block(const checker_ctx *cx);
/* The instruction of the event, NULL for EV_RETURN. */
const ir_insn *checker_insn(const checker_ctx *cx);
/* The rule of the called function for EV_ARG / EV_STEAL, or NULL. */
const api_rule *checker_callee_rule(const checker_ctx *cx);
/* The value of the event and, for EV_ARG, the argument index. */
int checker_event_value(const checker_ctx *cx);
size_t checker_event_arg(const checker_ctx *cx);
exc_state checker_exception(const checker_ctx *cx);
/* The call whose failure set the pending exception (NULL if unknown). */
const char *checker_exception_source(const checker_ctx *cx);
/* Has this path given up the GIL (Py_BEGIN_ALLOW_THREADS)? Where, and by
 * which call? */
bool checker_gil_released(const checker_ctx *cx, ir_loc *where,
                          const char **by);
size_t checker_value_count(const checker_ctx *cx);
const ref_value *checker_value(const checker_ctx *cx, size_t i);
/* Name of a variable holding value i on this path (named, not a temporary),
 * or NULL. */
const char *checker_value_name(const checker_ctx *cx, int i);
/* The path cannot go on (the program would crash here): stop walking it. */
void checker_end_path(checker_ctx *cx);
/* Report: rule at loc, trace from event from_event (-1: whole path); key
 * distinguishes findings for the fingerprint and de-duplication. */
void checker_report(checker_ctx *cx, const char *rule, const char *severity,
                    ir_loc loc, int from_event, const char *key,
                    const char *message);
/* Can the function return two references to its result, the second one
 * for its caller to hand on (a static function the file only calls)? */
bool checker_two_refs_possible(const checker_ctx *cx);
/* Report as checker_report, a leak of the second reference to the
 * returned object: it stands unless every path returning an object
 * returns two references (the summary's two_refs). */
void checker_report_unless_two_refs(checker_ctx *cx, const char *rule,
                                    const char *severity, ir_loc loc,
                                    int from_event, const char *key,
                                    const char *message);

/* What a function does with references, as seen by its callers. */
typedef struct func_summary {
    api_ret ret;          /* RET_NEW, RET_BORROWED, RET_INT, ... */
    api_fail fail;        /* FAIL_NULL when a path returns NULL with an
                             exception, FAIL_NEG1 likewise for -1 */
    bool null_ok;         /* a path returns NULL without an exception */
    unsigned steals;      /* parameters whose reference is always consumed */
    unsigned steals_on_failure; /* ... consumed when it returns its error
                                   value, kept otherwise */
    unsigned steals_on_success; /* ... consumed only when it succeeds */
    unsigned zero_iff_arg;  /* 1-based int parameter that, when 0, makes the
                               result 0 (makeError(0)), 0: none */
    unsigned nonzero_if_arg; /* 1-based int parameter that, when not 0,
                               makes the result not 0, 0: none */
    unsigned null_if_arg;   /* 1-based object parameter that is NULL on every
                               path returning NULL without an exception */
    bool returns_zero;      /* an int function returning 0 on every path */
    bool success_zero;      /* an int function failing with -1 whose every
                               other path returns 0 (a status result) */
    bool or_static;         /* returns a new reference, or a static object
                               (Py_None) borrowed */
    bool two_refs;          /* a static function called only directly:
                               every path not returning NULL returns two
                               references, one the caller hands on */
    bool fresh;             /* every path not returning NULL returns a
                               newly made object (never a static one) */
    const char *never_is;   /* every path not returning NULL returns a
                               fresh object or one that is never the static
                               object this global is (a never-is call's
                               result); NULL: no such claim */
    unsigned ret_arg;       /* 1-based parameter returned, with one more
                               reference, on every path not returning
                               NULL (Py_INCREF(x); return x;); 0: none */
    bool raises;          /* every path returns NULL with an exception set
                             (an error helper: return raise_error(...)) */
    bool may_raise;       /* some path returns with an exception set that
                             the result does not tell (callers then cannot
                             know whether one is set) */
} func_summary;

void engine_default_limits(engine_limits *lim);

/* Append an "analysis-incomplete" note about f saying why (when notes is
 * not NULL). */
void engine_note_incomplete(const ir_func *f, finding_list *notes,
                            const char *why);

/* Where engine_analyze puts what it finds. */
typedef struct engine_output {
    finding_list *findings;
    finding_list *notes;       /* "analysis-incomplete" notes, may be NULL */
    engine_stats *stats;
    func_summary *summary;     /* may be NULL */
} engine_output;

/* Analyse f.  python_version (0xMMmm0000, 0 if unknown) selects the rules
 * that exist in that version; local (may be NULL) holds the summaries of
 * functions of the same file and is consulted before rules. */
void engine_analyze(const ir_func *f, const api_rules *rules,
                    const api_rules *local, unsigned python_version,
                    const engine_limits *lim, const engine_output *out);

#endif
