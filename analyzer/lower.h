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
