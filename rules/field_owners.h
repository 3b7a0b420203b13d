/* field_owners.h - struct members that hold no reference of their own
 * (stored into, never released, never given a reference), found
 * over all the functions of a file and marked scalar in their operands
 * before the engine runs; and the increfs that give a member its
 * reference.
 *
 * Ownership: the functions are modified in place; nothing is kept. */
#ifndef PYREFCHECK_FIELD_OWNERS_H
#define PYREFCHECK_FIELD_OWNERS_H

#include <stddef.h>

#include "../analyzer/ir.h"
#include "apirules.h"

void mark_borrowed_members(ir_func *const *funcs, size_t n,
                           const api_rules *rules, unsigned python_version);

/* Flag the in-place increfs of a member that the function names nowhere
 * else (ir_insn.to_member): the member takes those references. */
void mark_member_increfs(ir_func *const *funcs, size_t n);

#endif
