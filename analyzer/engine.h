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

/* What the engine knows about one object on the current path. */
typedef struct ref_value {
    int owned;             /* references this function owns */
    nullness null;
    bool escaped;          /* stored where something else owns it */
    bool tracked;          /* came from a new reference or an incref */
    ir_loc origin;         /* where the new reference was made */
    const char *origin_api;/* the call that made it (NULL: an incref) */
    int name_var;          /* first named variable that held it, or -1 */
    int sign;              /* int results: -1 negative, 0 unknown, 1 >= 0 */
    int origin_event;      /* trace event of the origin, -1 if none */
} ref_value;

typedef struct engine_limits {
    unsigned max_block_visits;   /* per path, per block (loop unrolling) */
    unsigned max_steps;          /* per function; past it: incomplete */
} engine_limits;

typedef struct engine_stats {
    unsigned functions, incomplete, paths;
} engine_stats;

typedef enum { EV_RETURN } engine_event_kind;

typedef struct checker_ctx checker_ctx;

typedef struct checker {
    const char *rule;
    void (*on_event)(checker_ctx *cx, engine_event_kind ev);
} checker;

/* The checkers run by the engine (defined in rules/checkers.c). */
extern const checker engine_checkers[];

/* ---- what a checker can see and do ---- */
const ir_func *checker_func(const checker_ctx *cx);
const cfg_block *checker_block(const checker_ctx *cx);
size_t checker_value_count(const checker_ctx *cx);
const ref_value *checker_value(const checker_ctx *cx, size_t i);
/* Value id of the operand a return returns, or -1. */
int checker_return_value(const checker_ctx *cx);
/* Report: rule at loc, trace from the value's origin (value -1: whole
 * path); key distinguishes findings for the fingerprint and de-duplication. */
void checker_report(checker_ctx *cx, const char *rule, const char *severity,
                    ir_loc loc, int value, const char *key,
                    const char *message);

void engine_default_limits(engine_limits *lim);
/* Analyse f, appending findings to out.  python_version (0xMMmm0000, 0 if
 * unknown) selects the rules that exist in that version. */
void engine_analyze(const ir_func *f, const api_rules *rules,
                    unsigned python_version, const engine_limits *lim,
                    finding_list *out, engine_stats *stats);

#endif
