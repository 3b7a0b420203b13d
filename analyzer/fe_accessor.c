/* fe_accessor.c - one-statement accessors of a table the file keeps in
 * global memory: a function whose body is only "return T[i].f;" (a getter,
 * the table's reference handed out borrowed) or only "T[i].f = v;" (a
 * setter, v taken over, what the slot held not released), through casts
 * and atomic loads and stores (_Py_atomic_load(&T[i].f)).  The slot is
 * named so that a getter and a setter of the same table name it alike;
 * the engine then follows "old = get(i); set(i, new); Py_DECREF(old)" as
 * it follows the in-place replace of a tuple item.  This front-end file
 * reads libclang cursors; what it finds goes into the ir_func. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "util.h"

/* A slot's name being built, and the parameter that indexes it. */
typedef struct slot_path {
    char *text;
    size_t len, cap;
    int index;              /* 0-based parameter, -1: none yet */
} slot_path;

static void append(slot_path *s, const char *t)
{
    for (; *t; t++)
        ARRAY_PUSH(s->text, s->len, s->cap, *t);
}

/* The expression children of c: exactly want of them into out. */
static bool expr_kids(CXCursor c, CXCursor *out, size_t want)
{
    size_t n, k = 0;
    CXCursor *kids = cursor_children(c, &n);
    for (size_t i = 0; i < n; i++)
        if (clang_isExpression(clang_getCursorKind(kids[i]))) {
            if (k < want)
                out[k] = kids[i];
            k++;
        }
    free(kids);
    return k == want;
}

/* The 0-based parameter of fn that the expression c names, or -1. */
static int param_of(CXCursor fn, CXCursor c)
{
    c = cursor_strip(c);
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor d = clang_getCursorReferenced(c);
    int n = clang_Cursor_getNumArguments(fn);
    for (int i = 0; i < n; i++)
        if (clang_equalCursors(d, clang_Cursor_getArgument(fn, (unsigned)i)))
            return i;
    return -1;
}

/* X for the pointer &X, else the null cursor. */
static CXCursor address_of(CXCursor ptr)
{
    return cursor_address_operand(cursor_strip(ptr));
}

static bool name_slot(CXCursor fn, CXCursor c, slot_path *s);

/* base.m, or (&base)->m. */
static bool name_member(CXCursor fn, CXCursor c, slot_path *s)
{
    CXCursor base;
    if (!expr_kids(c, &base, 1))
        return false;
    if (clang_getCanonicalType(clang_getCursorType(base)).kind == CXType_Pointer) {
        base = address_of(base);
        if (clang_Cursor_isNull(base))
            return false;
    }
    if (!name_slot(fn, base, s))
        return false;
    CXString m = clang_getCursorSpelling(c);
    append(s, ".");
    append(s, clang_getCString(m));
    clang_disposeString(m);
    return true;
}

/* base[i] of an array (not of memory a pointer points to, which may
 * change), i a parameter (one at most) or a constant. */
static bool name_element(CXCursor fn, CXCursor c, slot_path *s)
{
    CXCursor k[2];
    if (!expr_kids(c, k, 2))
        return false;
    CXCursor base = cursor_strip(k[0]);
    if (clang_getCanonicalType(clang_getCursorType(base)).kind != CXType_ConstantArray ||
        !name_slot(fn, base, s))
        return false;
    int p = param_of(fn, k[1]);
    long long v;
    if (p >= 0 && s->index < 0) {
        s->index = p;
        append(s, "[]");
        return true;
    }
    if (p >= 0 || !cursor_eval_int(cursor_strip(k[1]), &v))
        return false;
    char buf[32];
    snprintf(buf, sizeof buf, "[%lld]", v);
    append(s, buf);
    return true;
}

/* Append the name of the place c to s: a variable of static storage,
 * its members and the elements of its arrays.  False for anything else
 * (a local, a parameter, memory reached through a pointer). */
static bool name_slot(CXCursor fn, CXCursor c, slot_path *s)
{
    c = cursor_strip(c);
    switch (clang_getCursorKind(c)) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) != CXCursor_VarDecl ||
            clang_Cursor_hasVarDeclGlobalStorage(d) != 1)
            return false;
        CXString usr = clang_getCursorUSR(d);
        append(s, clang_getCString(usr));
        clang_disposeString(usr);
        return s->len > 0;
    }
    case CXCursor_MemberRefExpr:
        return name_member(fn, c, s);
    case CXCursor_ArraySubscriptExpr:
        return name_element(fn, c, s);
    default:
        return false;
    }
}

/* The place a getter's returned expression reads: X of an atomic load
 * of &X, else the expression itself. */
static CXCursor read_place(CXCursor e)
{
    CXCursor ptr, val;
    e = cursor_strip(e);
    return cursor_atomic_access(e, &ptr, &val) == ATOMIC_LOAD ? address_of(ptr) : e;
}

/* The place a setter's statement writes (X = v, or an atomic store to &X)
 * and in *val the value, or the null cursor. */
static CXCursor written_place(CXCursor stmt, CXCursor *val)
{
    CXCursor e = cursor_strip(stmt), ptr, k[2];
    if (cursor_atomic_access(e, &ptr, val) == ATOMIC_STORE)
        return address_of(ptr);
    if (clang_getCursorKind(e) == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Assign &&
        expr_kids(e, k, 2)) {
        *val = k[1];
        return k[0];
    }
    return clang_getNullCursor();
}

void find_table_accessor(CXCursor fn, CXCursor body, ir_func *f)
{
    size_t n;
    CXCursor *stmts = cursor_children(body, &n);
    CXCursor stmt = n == 1 ? stmts[0] : clang_getNullCursor();
    free(stmts);
    if (clang_Cursor_isNull(stmt))
        return;
    CXCursor place, val = clang_getNullCursor(), ret;
    bool getter = clang_getCursorKind(stmt) == CXCursor_ReturnStmt;
    if (getter && f->returns_object && expr_kids(stmt, &ret, 1))
        place = read_place(ret);
    else if (!getter)
        place = written_place(stmt, &val);
    else
        return;
    int value = getter ? -1 : param_of(fn, val);
    if (clang_Cursor_isNull(place) ||
        (!getter && (value < 0 || (size_t)value >= f->nparams ||
                     !f->vars[value].is_object)))
        return;
    slot_path s = { NULL, 0, 0, -1 };
    if (name_slot(fn, place, &s)) {
        ARRAY_PUSH(s.text, s.len, s.cap, '\0');
        f->table_slot = s.text;
        f->table_index = (unsigned)(s.index + 1);
        f->table_value = (unsigned)(value + 1);
        return;
    }
    free(s.text);
}
