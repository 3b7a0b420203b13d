/* tables.h - the definition tables of an extension (PyMethodDef,
 * PyGetSetDef and PyMemberDef arrays) and the Python types it defines
 * (static PyTypeObject initialisers, PyType_Spec with its PyType_Slot
 * array), as the front end reads them from their initialisers, for the
 * checks that compare them with the functions they name.
 *
 * Ownership: a def_table_list owns its tables, entries and strings;
 * def_tables_free releases them.  A type_def_list likewise owns its types;
 * type_defs_free releases them. */
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
    /* PyMemberDef only (member_known): its type code (T_OBJECT...), the
     * offset into the instance struct, its flags (READONLY...) */
    bool member_known;
    int member_type;
    long long member_offset;
    long long member_flags;
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

/* The slots of a type that the gc-* rules look at. */
typedef enum {
    TSLOT_DEALLOC, TSLOT_TRAVERSE, TSLOT_CLEAR, TSLOT_FREE, TSLOT_MEMBERS,
    TSLOT_ITERNEXT,
    TSLOT_COUNT
} type_slot;

/* A pointer-to-object field of the instance struct. */
typedef struct type_field {
    char *name;
    long long offset;     /* in bytes */
} type_field;

typedef struct type_def {
    char *var;            /* the PyTypeObject or PyType_Spec variable */
    char *file;
    ir_loc loc;           /* of the variable's name */
    bool heap;            /* a PyType_Spec: the type is made at run time */
    long long flags;      /* tp_flags / the spec's flags */
    bool flags_known;
    char *slot[TSLOT_COUNT]; /* the function (or PyMemberDef array) named
                                by each slot; NULL when unset */
    bool slot_set[TSLOT_COUNT]; /* set, perhaps to something unnamed */
    char *record;         /* USR of the instance struct (tp_basicsize =
                             sizeof(X)), NULL when unknown */
    char *record_name;    /* its name as written, for messages */
    type_field *fields;   /* its pointer-to-object fields */
    size_t nfields, capfields;
} type_def;

typedef struct type_def_list {
    type_def *items;
    size_t len, cap;
} type_def_list;

void type_defs_free(type_def_list *l);

#endif
