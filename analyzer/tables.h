/* tables.h - the definition tables of an extension (PyMethodDef,
 * PyGetSetDef and PyMemberDef arrays), as the front end reads them from
 * their initialisers, for the checks that compare them with the functions
 * they name.
 *
 * Ownership: a def_table_list owns its tables, entries and strings;
 * def_tables_free releases them. */
#ifndef PYREFCHECK_TABLES_H
#define PYREFCHECK_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "ir.h"

typedef enum { TABLE_METHODS, TABLE_GETSET, TABLE_MEMBERS } table_kind;

typedef struct table_entry {
    ir_loc loc;
    bool sentinel;        /* every field zero or NULL */
    char *name;           /* the Python name, NULL if not a literal */
    char *func;           /* the C function named, NULL if not a plain one */
    bool cast;            /* a cast stands between the table and the function */
    long long flags;      /* ml_flags */
    bool flags_known;
    int nparams;          /* parameters of func, -1 when unknown */
} table_entry;

typedef struct def_table {
    table_kind kind;
    char *var;            /* the array's name */
    char *file;
    ir_loc loc;
    table_entry *entries;
    size_t n, cap;
} def_table;

typedef struct def_table_list {
    def_table *items;
    size_t len, cap;
} def_table_list;

void def_tables_free(def_table_list *l);

#endif
