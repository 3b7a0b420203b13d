/* fe_types.c - reads the Python types a file defines into type_def records
 * (tables.h): static PyTypeObject variables with an initialiser, and
 * PyType_Spec variables with the PyType_Slot array they point to.  For
 * each: its flags, the functions in the slots the gc-* rules look at, and
 * the pointer-to-object fields of its instance struct (from tp_basicsize =
 * sizeof(X)).  Initialisers may be positional (old-style PyTypeObject),
 * designated, or a mix of both.
 *
 * Ownership: every string and array is added to the caller's
 * type_def_list, which type_defs_free releases. */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "tables.h"
#include "util.h"

/* PyTypeObject / PyType_Spec field names -> slots. */
static const struct {
    const char *field;
    type_slot slot;
} slot_fields[] = {
    { "tp_dealloc", TSLOT_DEALLOC }, { "tp_traverse", TSLOT_TRAVERSE },
    { "tp_clear", TSLOT_CLEAR }, { "tp_free", TSLOT_FREE },
    { "tp_members", TSLOT_MEMBERS }, { "tp_iternext", TSLOT_ITERNEXT },
};

/* PyType_Slot ids (Include/typeslots.h, part of the stable ABI) -> slots. */
static const struct {
    long long id;
    type_slot slot;
} slot_ids[] = {
    { 52, TSLOT_DEALLOC }, { 71, TSLOT_TRAVERSE }, { 51, TSLOT_CLEAR },
    { 74, TSLOT_FREE }, { 72, TSLOT_MEMBERS }, { 63, TSLOT_ITERNEXT },
};

/* The function or variable an initialiser names, through casts; NULL. */
static char *named_decl(CXCursor value)
{
    CXCursor e = cursor_unwrap(value, NULL);
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        return NULL;
    CXCursor d = clang_getCursorReferenced(e);
    enum CXCursorKind k = clang_getCursorKind(d);
    return k == CXCursor_FunctionDecl || k == CXCursor_VarDecl ? cursor_name(d) : NULL;
}

/* ---- the instance struct ---- */

typedef struct field_walk {
    type_def *t;
    CXType record;
} field_walk;

static enum CXVisitorResult field_visitor(CXCursor c, CXClientData data)
{
    field_walk *w = data;
    if (!type_is_object_ptr(clang_getCursorType(c)))
        return CXVisit_Continue;
    type_field f;
    f.name = cursor_name(c);
    long long bits = clang_Type_getOffsetOf(w->record, f.name);
    f.offset = bits >= 0 ? bits / 8 : -1;
    ARRAY_PUSH(w->t->fields, w->t->nfields, w->t->capfields, f);
    return CXVisit_Continue;
}

/* tp_basicsize = sizeof(X): remember X's USR, name and object fields. */
static void read_record(type_def *t, CXCursor value)
{
    CXCursor e = cursor_unwrap(value, NULL);
    if (clang_getCursorKind(e) != CXCursor_UnaryExpr || t->record)
        return;
    size_t n;
    CXCursor *kids = cursor_children(e, &n);
    CXType ty = n ? clang_getCursorType(kids[0]) : clang_getCursorType(e);
    free(kids);
    if (!n)
        return;
    CXType rec = clang_getCanonicalType(ty);
    if (rec.kind != CXType_Record)
        return;
    t->record = cursor_usr(clang_getTypeDeclaration(rec));
    CXString name = clang_getTypeSpelling(ty);
    t->record_name = xstrdup(clang_getCString(name));
    clang_disposeString(name);
    field_walk w = { t, rec };
    clang_Type_visitFields(rec, field_visitor, &w);
}

static void set_slot(type_def *t, type_slot s, CXCursor value)
{
    if (t->slot_set[s] || cursor_is_null_constant(value))
        return;
    t->slot_set[s] = true;
    t->slot[s] = named_decl(value);
}

/* ---- PyType_Slot arrays ---- */

static void read_slot_row(type_def *t, CXCursor row)
{
    size_t n;
    CXCursor *kids = cursor_children(row, &n);
    long long id;
    if (n >= 2 && cursor_eval_int(kids[0], &id))
        for (size_t i = 0; i < sizeof slot_ids / sizeof slot_ids[0]; i++)
            if (slot_ids[i].id == id)
                set_slot(t, slot_ids[i].slot, kids[1]);
    free(kids);
}

static void read_slots(type_def *t, CXCursor value)
{
    CXCursor e = cursor_unwrap(value, NULL);
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        return;
    CXCursor var = clang_getCursorDefinition(clang_getCursorReferenced(e));
    if (clang_getCursorKind(var) != CXCursor_VarDecl)
        return;
    CXCursor init = clang_Cursor_getVarDeclInitializer(var);
    if (clang_Cursor_isNull(init) || clang_getCursorKind(init) != CXCursor_InitListExpr)
        return;
    size_t n;
    CXCursor *rows = cursor_children(init, &n);
    for (size_t i = 0; i < n; i++)
        if (clang_getCursorKind(rows[i]) == CXCursor_InitListExpr)
            read_slot_row(t, rows[i]);
    free(rows);
}

/* ---- one initialiser field ---- */

static void read_field(type_def *t, const char *field, CXCursor value)
{
    if (!strcmp(field, "tp_basicsize") || !strcmp(field, "basicsize"))
        read_record(t, value);
    else if (!strcmp(field, "tp_flags") || !strcmp(field, "flags"))
        t->flags_known = cursor_eval_int(value, &t->flags);
    else if (!strcmp(field, "slots"))
        read_slots(t, value);
    else
        for (size_t i = 0; i < sizeof slot_fields / sizeof slot_fields[0]; i++)
            if (!strcmp(slot_fields[i].field, field))
                set_slot(t, slot_fields[i].slot, value);
}

/* ---- positional and designated initialisers ---- */

typedef struct name_list {
    char **names;
    size_t n, cap;
} name_list;

static enum CXVisitorResult name_visitor(CXCursor c, CXClientData data)
{
    name_list *l = data;
    char *name = cursor_name(c);
    ARRAY_PUSH(l->names, l->n, l->cap, name);
    return CXVisit_Continue;
}

/* A designated initialiser ".field = value" shows as an unexposed
 * expression whose first child refers to the member: its name, and the
 * value in *value; NULL for a positional one. */
static char *designator(CXCursor c, CXCursor *value)
{
    if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
        return NULL;
    size_t n;
    CXCursor *kids = cursor_children(c, &n);
    char *name = NULL;
    if (n >= 2 && clang_getCursorKind(kids[0]) == CXCursor_MemberRef) {
        name = cursor_name(kids[0]);
        *value = kids[n - 1];
    }
    free(kids);
    return name;
}

static void read_init(type_def *t, CXCursor init, CXType record)
{
    name_list fields = { NULL, 0, 0 };
    clang_Type_visitFields(clang_getCanonicalType(record), name_visitor, &fields);
    size_t n, next = 0;
    CXCursor *kids = cursor_children(init, &n);
    for (size_t i = 0; i < n; i++) {
        CXCursor value = kids[i];
        char *name = designator(kids[i], &value);
        if (name) {
            for (size_t k = 0; k < fields.n; k++)
                if (!strcmp(fields.names[k], name))
                    next = k;
            read_field(t, name, value);
            free(name);
        } else if (next < fields.n) {
            read_field(t, fields.names[next], value);
        }
        next++;
    }
    free(kids);
    for (size_t k = 0; k < fields.n; k++)
        free(fields.names[k]);
    free(fields.names);
}

/* ---- the variables ---- */

/* Is the variable a PyTypeObject (false) or a PyType_Spec (true)? */
static bool type_var_kind(CXCursor var, bool *heap)
{
    CXType ty = clang_getCursorType(var);
    CXString can = clang_getTypeSpelling(clang_getCanonicalType(ty));
    CXString as_written = clang_getTypeSpelling(ty);
    const char *c = clang_getCString(can), *w = clang_getCString(as_written);
    bool found = true;
    if (!strcmp(c, "struct _typeobject") || !strcmp(c, "PyTypeObject"))
        *heap = false;
    else if (strstr(w, "PyType_Spec") || strstr(c, "PyType_Spec"))
        *heap = true;
    else
        found = false;
    clang_disposeString(can);
    clang_disposeString(as_written);
    return found;
}

static enum CXChildVisitResult type_visitor(CXCursor c, CXCursor parent,
                                            CXClientData data)
{
    (void)parent;
    bool heap;
    CXCursor init = cursor_main_var_init(c);
    if (clang_Cursor_isNull(init) || !type_var_kind(c, &heap))
        return CXChildVisit_Continue;
    type_def t;
    memset(&t, 0, sizeof t);
    t.heap = heap;
    t.var = cursor_name(c);
    t.file = cursor_decl_site(c, &t.loc);
    read_init(&t, init, clang_getCursorType(c));
    type_def_list *out = data;
    ARRAY_PUSH(out->items, out->len, out->cap, t);
    return CXChildVisit_Continue;
}

void read_type_defs(CXTranslationUnit tu, type_def_list *out)
{
    clang_visitChildren(clang_getTranslationUnitCursor(tu), type_visitor, out);
}
