/* check_gc.h - the cyclic garbage collector's protocol, checked on the
 * types a file defines (tables.h) and the IR of all its functions:
 *
 *   gc-traverse-incomplete  tp_traverse / tp_clear miss an owned member
 *                           (or, for a heap type, the type itself)
 *   gc-missing-flag         instances hold arbitrary objects, but the type
 *                           has no Py_TPFLAGS_HAVE_GC or no tp_traverse
 *   gc-dealloc              members released before untracking, no
 *                           tp_free, the wrong free, a heap type's
 *                           reference not released, an exception clobbered
 *   gc-alloc                a GC type allocated with PyObject_New, or
 *                           tracked before its members are set
 *
 * What a call does for the collector comes from the rules (gc= roles).
 * check_gc_types.c holds the type-level rules, check_gc_funcs.c the ones
 * about dealloc and allocation; gc_common.c what they share.
 *
 * Ownership: findings are appended to the caller's list; nothing else is
 * kept. */
#ifndef PYREFCHECK_CHECK_GC_H
#define PYREFCHECK_CHECK_GC_H

#include "../analyzer/finding.h"
#include "../analyzer/ir.h"
#include "../analyzer/tables.h"
#include "apirules.h"

typedef struct gc_unit {
    ir_func *const *funcs;        /* every function of the file */
    size_t nfuncs;
    const type_def_list *types;
    const def_table_list *tables; /* for PyMemberDef arrays */
    const api_rules *rules;       /* the API rules (not file summaries) */
    unsigned python_version;      /* 0xMMmm0000, 0 when unknown */
    const char *path;
    finding_list *out;
    struct gc_vars_cache *cache;  /* per-function facts, made and freed by
                                     check_gc; NULL when given */
} gc_unit;

void check_gc(const gc_unit *u);

#endif
