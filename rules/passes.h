/* passes.h - checks that look at one function's IR as a whole rather than
 * along its paths (sparse-style passes): format strings against their
 * arguments, and error results left unchecked.  Each pass is a function
 * in the table the front end's caller runs over every function.
 *
 * Ownership: findings are appended to the caller's list. */
#ifndef PYREFCHECK_PASSES_H
#define PYREFCHECK_PASSES_H

#include "../analyzer/finding.h"
#include "../analyzer/ir.h"
#include "apirules.h"

typedef struct pass_ctx {
    const ir_func *f;
    const api_rules *rules;    /* the API rules */
    const api_rules *local;    /* summaries of the file's functions */
    unsigned python_version;
    finding_list *out;
} pass_ctx;

/* Run every pass over f. */
void passes_run(const pass_ctx *pc);

#endif
