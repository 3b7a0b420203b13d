/* lower.h - internal interface between frontend.c and lower.c: turning one
 * libclang function definition into an ir_func. */
#ifndef PYREFCHECK_LOWER_H
#define PYREFCHECK_LOWER_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "ir.h"
#include "../rules/apirules.h"

/* The function each function-pointer member is set to by the main file's
 * assignments (`s->on_error = &raise_error;`), keyed by the member's USR;
 * fn is NULL when the file stores anything else into that member too.
 * Both strings are owned by the table (member_fns_free). */
typedef struct member_fn {
    char *member;
    char *fn;
} member_fn;

typedef struct member_fns {
    member_fn *v;
    size_t n, cap;
} member_fns;

/* Record that member is set to fn (NULL: to something else). */
void member_fns_note(member_fns *m, const char *member, const char *fn);
/* The one function member is set to, or NULL. */
const char *member_fns_find(const member_fns *m, const char *member);
void member_fns_free(member_fns *m);

/* The spelling of a cursor, as a new string (caller frees). */
char *cursor_name(CXCursor c);

/* X for the expression &X (c already through casts and parentheses), or
 * the null cursor. */
CXCursor cursor_address_operand(CXCursor c);

/* The USR of a declaration (caller frees), or NULL when it has none. */
char *cursor_usr(CXCursor decl);

/* The USR of the member a MemberRefExpr names (caller frees), or NULL when
 * c is not a member reference. */
char *cursor_member_usr(CXCursor c);

/* Lower the definition fn of translation unit tu; the result belongs to the
 * caller.  Constructs that cannot be lowered mark it incomplete.  A call
 * through a member that targets names (may be NULL) is a call of that
 * function. */
ir_func *lower_function(CXTranslationUnit tu, CXCursor fn,
                        const api_rules *rules, const char *path,
                        const member_fns *targets);

/* If fn's body (its compound statement) is a one-statement accessor of a
 * table kept in global memory, note which slot it reads or writes in f's
 * table_slot, table_index and table_value (fe_accessor.c). */
void find_table_accessor(CXCursor fn, CXCursor body, ir_func *f);

/* True if t is a pointer to a Python object structure (PyObject or a
 * struct starting with PyObject_HEAD). */
bool type_is_object_ptr(CXType t);

/* The direct children of a cursor, in order; *n gets their number
 * (caller frees the array). */
CXCursor *cursor_children(CXCursor c, size_t *n);

/* Is the expression NULL or 0 (through casts and parentheses)? */
bool cursor_is_null_constant(CXCursor c);

/* Down through casts and parentheses to the expression inside; *cast (if
 * not NULL) is set when a cast was passed. */
CXCursor cursor_unwrap(CXCursor c, bool *cast);

/* The same through wrappers with one operand only: an atomic builtin,
 * which has several, is not passed. */
CXCursor cursor_strip(CXCursor c);

/* An atomic builtin on an object of memory (an AtomicExpr, which libclang
 * leaves unexposed; its children are the pointer, the memory order, then
 * any value): a load, __c11_atomic_load(p, order) or __atomic_load_n,
 * whose result has the type p points to; a store, __c11_atomic_store(p,
 * v, order) or __atomic_store_n, void, v of that type (*val).  *ptr gets
 * p.  Exchanges, read-modify-writes and the generic GNU forms that take
 * the value through a pointer are ATOMIC_NONE. */
typedef enum { ATOMIC_NONE, ATOMIC_LOAD, ATOMIC_STORE } atomic_access;
atomic_access cursor_atomic_access(CXCursor c, CXCursor *ptr, CXCursor *val);

/* The integer value of a constant expression: true and *out, or false. */
bool cursor_eval_int(CXCursor c, long long *out);

/* The initialiser list of a variable defined in the main file, or the
 * null cursor for any other cursor. */
CXCursor cursor_main_var_init(CXCursor c);

/* The file (caller frees) and expansion location of a declaration. */
char *cursor_decl_site(CXCursor c, ir_loc *loc);

/* Expansion location of a cursor (the user's line for macro code). */
ir_loc cursor_loc(CXCursor c);

/* Read the types defined in tu's main file (fe_types.c). */
struct type_def_list;
void read_type_defs(CXTranslationUnit tu, struct type_def_list *out);

#endif
