/* init_globals.h - object globals that only module initialisation sets
 * (exception classes, cached types made in PyInit_*), found over all the
 * functions of a file and marked in their operands before the engine runs.
 *
 * Ownership: the functions are modified in place; nothing is kept. */
#ifndef PYREFCHECK_INIT_GLOBALS_H
#define PYREFCHECK_INIT_GLOBALS_H

#include <stddef.h>

#include "../analyzer/ir.h"

void mark_init_globals(ir_func *const *funcs, size_t n);

#endif
