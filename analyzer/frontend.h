/* frontend.h - the libclang front end: parses a translation unit, decides
 * whether it is a Python extension, and lowers each function defined in the
 * main file into the IR (ir.h).  Nothing outside frontend.c, lower.c and
 * fe_types.c includes clang-c headers.
 *
 * Ownership: a frontend owns its libclang index; a fe_unit owns its parsed
 * translation unit; ir_funcs handed to the callback belong to the callback,
 * which must ir_func_free them. */
#ifndef PYREFCHECK_FRONTEND_H
#define PYREFCHECK_FRONTEND_H

#include <stddef.h>

#include "ir.h"
#include "../rules/apirules.h"

typedef struct frontend frontend;
typedef struct fe_unit fe_unit;

typedef enum {
    FE_OK,             /* parsed; a Python extension */
    FE_NOT_EXTENSION,  /* parsed; Python.h is not reached */
    FE_ERROR           /* could not be read or parsed: err says why */
} fe_status;

frontend *frontend_new(const api_rules *rules);
void frontend_free(frontend *fe);

/* Parse file with the given compiler arguments (no argv[0], no file name).
 * On FE_ERROR err holds "file:line:col: error: message" (clang's first
 * error) or another clear reason. */
fe_status frontend_parse(frontend *fe, const char *file,
                         const char *const *args, int nargs, fe_unit **out,
                         char *err, size_t errlen);
void fe_unit_free(fe_unit *u);

/* Call fn for every file the unit includes (not the main file). */
typedef void (*fe_include_fn)(const char *path, void *ctx);
void fe_unit_includes(fe_unit *u, fe_include_fn fn, void *ctx);

/* PY_VERSION_HEX-style 0xMMmm0000 of the Python headers that were used,
 * 0 when unknown. */
unsigned fe_unit_python_version(const fe_unit *u);

/* Lower every function defined in the main file, and every static helper
 * of the extension's own defined in a file it includes (summary_only), in
 * source order, and hand each to cb (which takes ownership).  A nonzero return from cb stops the
 * walk and is returned. */
typedef int (*fe_func_cb)(ir_func *f, void *ctx);
int fe_unit_lower_functions(fe_unit *u, fe_func_cb cb, void *ctx);

/* The prefix of pyrefcheck's annotations, __attribute__((annotate(...))):
 * "pyrefcheck:returns_borrowed_ref" and
 * "pyrefcheck:steals_reference_to_arg:N".  cpychecker's attributes are
 * mapped to these by compiler arguments (frontend_annotation_args). */
#define FE_ANNOTATION_PREFIX "pyrefcheck:"

/* Compiler arguments that make cpychecker's attribute macros visible as
 * annotations; NULL-terminated, static. */
const char *const *frontend_annotation_args(void);

/* Add a rule to local for every function declared with a pyrefcheck (or
 * cpychecker) annotation anywhere in the unit, headers included. */
void fe_unit_annotations(fe_unit *u, api_rules *local);

/* Read the PyMethodDef / PyGetSetDef / PyMemberDef arrays defined in the
 * main file into out. */
struct def_table_list;
void fe_unit_tables(fe_unit *u, struct def_table_list *out);

/* Read the Python types defined in the main file (static PyTypeObject
 * initialisers, PyType_Spec variables) into out. */
struct type_def_list;
void fe_unit_types(fe_unit *u, struct type_def_list *out);

/* Lower the single function named name (for tests and dump-ir); NULL when
 * there is no such definition in the main file. */
ir_func *fe_unit_lower_function(fe_unit *u, const char *name);

#endif
