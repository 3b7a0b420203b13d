/* format.h - the format strings of PyArg_ParseTuple and friends (parse
 * formats) and of Py_BuildValue and friends (build formats), as a table of
 * format units: how many C arguments each unit takes and what the call does
 * with an object argument (returns a borrowed reference through a
 * PyObject **, takes over a reference, or adds one).
 *
 * Ownership: format_walk fills a caller-provided array; nothing is
 * allocated. */
#ifndef PYREFCHECK_FORMAT_H
#define PYREFCHECK_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { FORMAT_PARSE, FORMAT_BUILD } format_kind;

/* What one C argument of a format call is. */
typedef enum {
    FARG_VALUE,        /* a scalar or a pointer to one */
    FARG_OBJECT_OUT,   /* PyObject ** receiving a borrowed reference */
    FARG_OBJECT_OPT,   /* the same after '|': may be left unchanged */
    FARG_OBJECT_IN,    /* PyObject * whose reference is added (build "O") */
    FARG_OBJECT_STEAL, /* PyObject * whose reference is taken (build "N") */
    FARG_TYPE,         /* PyTypeObject * (parse "O!") */
    FARG_CONVERTER,    /* a converter function (parse "O&", build "O&") */
    FARG_OTHER         /* anything else (buffer, size, encoding) */
} format_arg;

enum { FORMAT_MAX_ARGS = 64 };

/* Walk fmt and write the role of each C argument it consumes into args
 * (at most max).  Returns the number of C arguments, or -1 when the format
 * has an unknown unit or unbalanced brackets (err then names the problem). */
int format_walk(format_kind kind, const char *fmt, format_arg *args,
                size_t max, char *err, size_t errlen);

/* format_walk that also gives the expected C type of each argument
 * (types, may be NULL; strings for format_type_ok) and counts the format
 * units (nunits, may be NULL). */
int format_walk_typed(format_kind kind, const char *fmt, format_arg *args,
                      const char **types, size_t *nunits, size_t max,
                      char *err, size_t errlen);

/* format_walk that also gives the format unit (as spelled in the table:
 * "O", "O!", "U"...) each C argument belongs to. */
int format_walk_units(format_kind kind, const char *fmt, format_arg *args,
                      const char **units, size_t max);

/* Does the build format fmt make a new tuple, list or dict (more than one
 * item at its top level, or one bracketed item), rather than hand back the
 * value of its only unit ("O" gives its argument, "" gives None)? */
bool format_builds_container(const char *fmt);

/* Does an argument of C type actual (canonical, qualifiers dropped) fit
 * the expected type of its format unit? */
bool format_type_ok(const char *expected, const char *actual);

#endif
