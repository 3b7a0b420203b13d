/* workers.h - analysing the translation units of a scan in parallel: N
 * worker processes (each with its own libclang index) take the items in
 * turn and send each result as one line (wire.h) to the calling process,
 * which alone writes the database.  With N = 1 the items are analysed in
 * the calling process.
 *
 * Ownership: results handed to the callback belong to it. */
#ifndef PYREFCHECK_WORKERS_H
#define PYREFCHECK_WORKERS_H

#include <stddef.h>

#include "unit.h"
#include "workset.h"

/* Called in the calling process for each result, in completion order; it
 * must item_result_free the result.  index is the item's position. */
typedef void (*result_fn)(size_t index, item_result *r, void *ctx);

/* Whether an item needs analysing (0) or is taken care of by the caller
 * (nonzero, e.g. carried over from an earlier run); may be NULL. */
typedef int (*skip_fn)(size_t index, void *ctx);

/* Analyse the items of w with n processes.  Returns 0, or -1 when a worker
 * died or sent something unreadable (the items it did not report are then
 * reported as errors). */
int workers_run(const work_list *w, size_t n, unit_ctx *proto,
                skip_fn skip, result_fn done, void *ctx);

#endif
