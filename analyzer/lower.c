/* lower.c - lowering one libclang function definition into the IR.
 *
 * Statements become basic blocks and terminators (every C control
 * construct, including goto, switch fall-through, short circuits and ?:);
 * expressions become call/assign/store instructions over variables and
 * temporaries.  Reference-count macros and functions named in the rules
 * (Py_INCREF, Py_CLEAR, Py_SETREF, Py_NewRef, ...) become INCREF/DECREF
 * instructions whatever their expansion in the installed headers: a macro is
 * recognised by its name as written, and its arguments are found among the
 * expansion's cursors by their source range.
 *
 * Ownership: the lower_ctx owns its maps and frees them; the ir_func it
 * builds is returned to the caller. */
#include "lower.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct var_entry {
    unsigned hash;
    CXCursor decl;
    int var;
} var_entry;

typedef struct label_entry {
    char *name;
    int block;
} label_entry;

typedef struct switch_ctx {
    long long *vals;
    int *blocks;
    size_t n, capv, capb;
    int default_block;
} switch_ctx;

typedef struct lower_ctx {
    CXTranslationUnit tu;
    const api_rules *rules;
    const member_fns *targets;  /* functions stored into members, or NULL */
    ir_func *f;
    int cur;                 /* block receiving instructions, -1: none */
    int break_to, continue_to;
    switch_ctx *sw;
    var_entry *vars;
    size_t nvars, capvars;
    label_entry *labels;
    size_t nlabels, caplabels;
    unsigned depth;          /* nesting of lower_expr/lower_stmt calls */
    signed char *stack_mem;  /* per IR variable, in source order: 1 only
                                ever set to memory of the function's stack
                                frame (alloca), -1 set to anything else or
                                its address taken, 0 not set yet */
    size_t nstack_mem;
} lower_ctx;

/* Deeper nesting than this (a generated 20,000-term expression) is not
 * lowered: the function is marked incomplete rather than overflowing the
 * stack. */
enum { MAX_NESTING = 1000 };

static ir_operand lower_expr(lower_ctx *x, CXCursor c);
static void lower_stmt(lower_ctx *x, CXCursor c);
static void lower_cond(lower_ctx *x, CXCursor c, int if_true, int if_false);
static void escape_object(lower_ctx *x, const ir_operand *op, ir_loc loc);

/* ---- cursor helpers ---- */

typedef struct kids {
    CXCursor *c;
    size_t n, cap;
} kids;

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent,
                                           CXClientData data)
{
    (void)parent;
    kids *k = data;
    ARRAY_PUSH(k->c, k->n, k->cap, c);
    return CXChildVisit_Continue;
}

static kids children(CXCursor c)
{
    kids k = { NULL, 0, 0 };
    clang_visitChildren(c, collect_kid, &k);
    return k;
}

CXCursor *cursor_children(CXCursor c, size_t *n)
{
    kids k = children(c);
    *n = k.n;
    return k.c;
}

/* Children that are expressions (skips type references and the like). */
static kids expr_children(CXCursor c)
{
    kids all = children(c), k = { NULL, 0, 0 };
    for (size_t i = 0; i < all.n; i++)
        if (clang_isExpression(clang_getCursorKind(all.c[i])))
            ARRAY_PUSH(k.c, k.n, k.cap, all.c[i]);
    free(all.c);
    return k;
}

char *cursor_name(CXCursor c)
{
    CXString s = clang_getCursorSpelling(c);
    char *name = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return name;
}

ir_loc cursor_loc(CXCursor c)
{
    CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
    unsigned line = 0, col = 0;
    clang_getExpansionLocation(start, NULL, &line, &col, NULL);
    ir_loc loc = { line, col };
    return loc;
}

static ir_loc cursor_end_loc(CXCursor c)
{
    CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(c));
    unsigned line = 0, col = 0;
    clang_getExpansionLocation(end, NULL, &line, &col, NULL);
    ir_loc loc = { line, col > 1 ? col - 1 : col };
    return loc;
}

/* File offsets of a cursor's extent, mapped to where the text is written
 * (a macro argument maps to the argument, macro body text to the macro's
 * name). */
static bool extent_offsets(CXCursor c, CXFile *file, unsigned *start,
                           unsigned *end)
{
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile f1 = NULL, f2 = NULL;
    clang_getFileLocation(clang_getRangeStart(r), &f1, NULL, NULL, start);
    clang_getFileLocation(clang_getRangeEnd(r), &f2, NULL, NULL, end);
    if (!f1 || !f2 || !clang_File_isEqual(f1, f2))
        return false;
    if (file)
        *file = f1;
    return true;
}

static bool record_first_field_is_ob_base(CXCursor decl);

bool type_is_object_ptr(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind != CXType_Pointer)
        return false;
    CXType p = clang_getCanonicalType(clang_getPointeeType(t));
    if (p.kind != CXType_Record)
        return false;
    CXCursor decl = clang_getTypeDeclaration(p);
    char *name = cursor_name(decl);
    bool is_obj = !strcmp(name, "_object") || record_first_field_is_ob_base(decl);
    free(name);
    return is_obj;
}

static enum CXChildVisitResult first_field_visitor(CXCursor c, CXCursor parent,
                                                   CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(c) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    char *name = cursor_name(c);
    *(bool *)data = !strcmp(name, "ob_base");
    free(name);
    return CXChildVisit_Break;
}

static bool record_first_field_is_ob_base(CXCursor decl)
{
    bool yes = false;
    clang_visitChildren(decl, first_field_visitor, &yes);
    return yes;
}

static enum CXVisitorResult object_member_visitor(CXCursor c, CXClientData data)
{
    if (!type_is_object_ptr(clang_getCursorType(c)))
        return CXVisit_Continue;
    *(bool *)data = true;
    return CXVisit_Break;
}

/* Is t a struct (held by value) with a member pointing to an object: a
 * record of references the function keeps (a context passed to helpers
 * by address)? */
static bool struct_holds_object(CXType t)
{
    t = clang_getCanonicalType(t);
    bool yes = false;
    if (t.kind == CXType_Record)
        clang_Type_visitFields(t, object_member_visitor, &yes);
    return yes;
}

static bool type_is_int(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind >= CXType_Bool && t.kind <= CXType_Int128;
}

bool cursor_eval_int(CXCursor c, long long *out)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return false;
    bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *out = clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

/* The type an atomic object of type t holds (_Atomic(T): T), canonical. */
static CXType atomic_value_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_Atomic
           ? clang_getCanonicalType(clang_Type_getValueType(t)) : t;
}

static bool same_type(CXType a, CXType b)
{
    return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b));
}

atomic_access cursor_atomic_access(CXCursor c, CXCursor *ptr, CXCursor *val)
{
    if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
        return ATOMIC_NONE;
    kids k = expr_children(c);
    CXCursor e[3];
    size_t n = k.n;
    for (size_t i = 0; i < n && i < 3; i++)
        e[i] = k.c[i];
    free(k.c);
    if (n < 2 || n > 3)
        return ATOMIC_NONE;
    CXType pt = clang_getCanonicalType(clang_getCursorType(e[0]));
    if (pt.kind != CXType_Pointer || !type_is_int(clang_getCursorType(e[1])))
        return ATOMIC_NONE;
    CXType held = atomic_value_type(clang_getPointeeType(pt));
    CXType t = clang_getCursorType(c);
    *ptr = e[0];
    if (n == 2 && same_type(t, held))
        return ATOMIC_LOAD;
    if (n == 3 && clang_getCanonicalType(t).kind == CXType_Void &&
        same_type(clang_getCursorType(e[2]), held)) {
        *val = e[2];
        return ATOMIC_STORE;
    }
    return ATOMIC_NONE;
}

/* ---- blocks ---- */

static int cur_block(lower_ctx *x)
{
    if (x->cur < 0)
        x->cur = ir_new_block(x->f);
    return x->cur;
}

static void jump(lower_ctx *x, int target, ir_loc loc)
{
    if (x->cur >= 0)
        ir_set_goto(x->f, x->cur, target, loc);
    x->cur = -1;
}

static void enter(lower_ctx *x, int block, ir_loc loc)
{
    jump(x, block, loc);
    x->cur = block;
}

static ir_insn *emit(lower_ctx *x, ir_insn_kind kind, ir_loc loc)
{
    return ir_append(x->f, cur_block(x), kind, loc);
}

/* The stack_mem entry of variable var, grown to hold it. */
static signed char *stack_mem_of(lower_ctx *x, int var)
{
    if ((size_t)var >= x->nstack_mem) {
        size_t n = x->f->nvars > (size_t)var ? x->f->nvars : (size_t)var + 1;
        x->stack_mem = xrealloc(x->stack_mem, n);
        memset(x->stack_mem + x->nstack_mem, 0, n - x->nstack_mem);
        x->nstack_mem = n;
    }
    return &x->stack_mem[var];
}

/* Follow what dst = src makes of dst: stack memory if src is, and dst
 * was never set to anything else. */
static void note_stack_mem(lower_ctx *x, int dst, const ir_operand *src)
{
    bool stack = src->kind == OP_VAR && *stack_mem_of(x, src->var) == 1;
    signed char *d = stack_mem_of(x, dst);
    *d = stack && *d >= 0 ? 1 : -1;
}

static void emit_assign(lower_ctx *x, int dst, ir_operand src, ir_loc loc)
{
    if (dst >= 0)
        note_stack_mem(x, dst, &src);
    ir_insn *in = emit(x, INSN_ASSIGN, loc);
    in->dst = dst;
    in->src = src;
}

static int label_block(lower_ctx *x, const char *name)
{
    for (size_t i = 0; i < x->nlabels; i++)
        if (!strcmp(x->labels[i].name, name))
            return x->labels[i].block;
    label_entry e = { xstrdup(name), ir_new_block(x->f) };
    ARRAY_PUSH(x->labels, x->nlabels, x->caplabels, e);
    return e.block;
}

/* ---- variables ---- */

static int find_var(lower_ctx *x, CXCursor decl)
{
    unsigned h = clang_hashCursor(decl);
    for (size_t i = x->nvars; i-- > 0;)
        if (x->vars[i].hash == h && clang_equalCursors(x->vars[i].decl, decl))
            return x->vars[i].var;
    return -1;
}

/* An unsigned integer type (size_t, unsigned int, ...). */
static bool type_is_unsigned(CXType t)
{
    switch (clang_getCanonicalType(t).kind) {
    case CXType_UChar: case CXType_UShort: case CXType_UInt:
    case CXType_ULong: case CXType_ULongLong: case CXType_Bool:
        return true;
    default:
        return false;
    }
}

/* The USR of the struct an object pointer type points to, or NULL. */
static char *pointee_record(CXType t)
{
    CXType p = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
    if (p.kind != CXType_Record)
        return NULL;
    return cursor_usr(clang_getTypeDeclaration(p));
}

static int declare_var(lower_ctx *x, CXCursor decl, ir_var_kind kind)
{
    char *name = cursor_name(decl);
    CXType t = clang_getCursorType(decl);
    int v = ir_add_var(x->f, name, kind, type_is_object_ptr(t));
    x->f->vars[v].is_struct = struct_holds_object(t);
    x->f->vars[v].is_unsigned = type_is_unsigned(t);
    if (x->f->vars[v].is_object)
        x->f->vars[v].rec = pointee_record(t);
    free(name);
    var_entry e = { clang_hashCursor(decl), decl, v };
    ARRAY_PUSH(x->vars, x->nvars, x->capvars, e);
    return v;
}

/* ---- reference-count effects ---- */

static ir_operand effect_refcount(lower_ctx *x, const api_rule *rule,
                                  const char *name, ir_operand obj, ir_loc loc)
{
    bool inc = rule->effect == EFFECT_INCREF || rule->effect == EFFECT_XINCREF ||
               rule->effect == EFFECT_NEWREF || rule->effect == EFFECT_XNEWREF;
    bool stable = obj.kind == OP_VAR || obj.kind == OP_GLOBAL ||
                  obj.kind == OP_ADDR_GLOBAL || (obj.kind == OP_FIELD && obj.var >= 0);
    if (!stable) {
        /* an expression the engine cannot name: give it a temporary, so
         * that the object increfed is the object used afterwards */
        int t = ir_new_temp(x->f, true);
        emit_assign(x, t, obj, loc);
        obj = ir_op_var(t);
    }
    ir_insn *in = emit(x, inc ? INSN_INCREF : INSN_DECREF, loc);
    in->src = ir_op_copy(&obj);
    in->macro = xstrdup(name);
    in->nullable = rule->effect == EFFECT_XINCREF || rule->effect == EFFECT_XDECREF ||
                   rule->effect == EFFECT_XNEWREF;
    if (rule->effect == EFFECT_NEWREF || rule->effect == EFFECT_XNEWREF)
        return obj;
    ir_op_free(&obj);
    return ir_op_none();
}

/* Py_CLEAR(place) / Py_SETREF(place, value): the old value is released
 * after the place is updated. */
static void effect_replace(lower_ctx *x, const api_rule *rule, const char *name,
                           ir_operand place, ir_operand value, ir_loc loc)
{
    bool clear = rule->effect == EFFECT_CLEAR;
    ir_insn *in;
    if (clear && place.kind == OP_VAR) {
        in = emit(x, INSN_DECREF, loc);
        in->src = place;
        in->nullable = in->clears = true;
        in->macro = xstrdup(name);
        ir_op_free(&value);
        return;
    }
    int old = ir_new_temp(x->f, true);
    emit_assign(x, old, ir_op_copy(&place), loc);
    if (place.kind == OP_VAR) {
        emit_assign(x, place.var, value, loc);
        ir_op_free(&place);
    } else {
        in = emit(x, INSN_STORE, loc);
        in->target = place;
        in->src = value;
    }
    in = emit(x, INSN_DECREF, loc);
    in->src = ir_op_var(old);
    in->nullable = clear || rule->effect == EFFECT_XSETREF;
    in->macro = xstrdup(name);
}

/* Apply a rule's effect to already-lowered arguments (consumed). */
static ir_operand apply_effect(lower_ctx *x, const api_rule *rule,
                               const char *name, ir_operand *args,
                               size_t nargs, ir_loc loc)
{
    size_t a = rule->effect_arg ? rule->effect_arg - 1 : 0;
    ir_operand result = ir_op_none();
    if (a >= nargs) {
        ir_mark_incomplete(x->f, "reference-count operation without its argument");
    } else if (rule->effect == EFFECT_CLEAR) {
        effect_replace(x, rule, name, args[a], ir_op_null(), loc);
        args[a] = ir_op_none();
    } else if (rule->effect == EFFECT_SETREF || rule->effect == EFFECT_XSETREF) {
        if (a + 1 < nargs) {
            effect_replace(x, rule, name, args[a], args[a + 1], loc);
            args[a] = args[a + 1] = ir_op_none();
        }
    } else {
        result = effect_refcount(x, rule, name, args[a], loc);
        args[a] = ir_op_none();
    }
    for (size_t i = 0; i < nargs; i++)
        ir_op_free(&args[i]);
    return result;
}

/* ---- macros recognised by name ---- */

typedef struct arg_range {
    unsigned start, end;
} arg_range;

typedef struct macro_call {
    char *name;
    arg_range args[16];
    size_t nargs;
} macro_call;

static char *token_text(CXTranslationUnit tu, CXToken t)
{
    CXString s = clang_getTokenSpelling(tu, t);
    char *text = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return text;
}

static unsigned token_offset(CXTranslationUnit tu, CXToken t, bool end)
{
    CXSourceRange r = clang_getTokenExtent(tu, t);
    unsigned off = 0;
    clang_getFileLocation(end ? clang_getRangeEnd(r) : clang_getRangeStart(r),
                          NULL, NULL, NULL, &off);
    return off;
}

/* Split NAME ( a , b ) into argument ranges; the closing parenthesis must
 * end at end_off.  Returns false when the tokens do not have that shape. */
static bool split_macro_args(CXTranslationUnit tu, CXToken *toks, unsigned n,
                             unsigned end_off, macro_call *m)
{
    if (n < 3 || clang_getTokenKind(toks[1]) != CXToken_Punctuation)
        return false;
    int depth = 0;
    unsigned arg_start = 2;
    for (unsigned i = 1; i < n; i++) {
        char *p = token_text(tu, toks[i]);
        char ch = clang_getTokenKind(toks[i]) == CXToken_Punctuation ? p[0] : 0;
        bool single = p[0] && !p[1];
        free(p);
        if (!single)
            ch = 0;
        if (ch == '(' || ch == '[' || ch == '{')
            depth++;
        else if (ch == ')' || ch == ']' || ch == '}')
            depth--;
        bool closes = depth == 0;
        if ((ch == ',' && depth == 1) || closes) {
            if (i > arg_start && m->nargs < 16) {
                arg_range r = { token_offset(tu, toks[arg_start], false),
                                token_offset(tu, toks[i - 1], true) };
                m->args[m->nargs++] = r;
            }
            arg_start = i + 1;
        }
        if (closes)
            return token_offset(tu, toks[i], true) == end_off;
    }
    return false;
}

/* Is cursor c exactly an invocation of a macro that the rules know? */
static const api_rule *match_macro(lower_ctx *x, CXCursor c, macro_call *m)
{
    CXFile file;
    unsigned start, end;
    if (!extent_offsets(c, &file, &start, &end))
        return NULL;
    CXToken *tok = clang_getToken(x->tu, clang_getLocationForOffset(x->tu, file, start));
    if (!tok)
        return NULL;
    const api_rule *rule = NULL;
    if (clang_getTokenKind(*tok) == CXToken_Identifier) {
        m->name = token_text(x->tu, *tok);
        rule = api_rules_find(x->rules, m->name, true);
    }
    clang_disposeTokens(x->tu, tok, 1);
    if (!rule)
        return NULL;
    CXSourceRange r = clang_getRange(clang_getLocationForOffset(x->tu, file, start),
                                     clang_getLocationForOffset(x->tu, file, end));
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(x->tu, r, &toks, &n);
    bool ok = split_macro_args(x->tu, toks, n, end, m);
    clang_disposeTokens(x->tu, toks, n);
    return ok ? rule : NULL;
}

/* The cursor of one macro argument: an expression whose text is exactly
 * the argument; failing that, the outermost one that starts there and ends
 * within it (an argument that is itself a macro invocation maps its end to
 * that macro's name). */
typedef struct arg_search {
    arg_range want;
    CXCursor found, relaxed;
    bool ok, has_relaxed;
} arg_search;

static enum CXChildVisitResult arg_visitor(CXCursor c, CXCursor parent,
                                           CXClientData data)
{
    (void)parent;
    arg_search *s = data;
    unsigned start, end;
    if (!clang_isExpression(clang_getCursorKind(c)) ||
        !extent_offsets(c, NULL, &start, &end) || start != s->want.start)
        return CXChildVisit_Recurse;
    if (end == s->want.end) {
        s->found = c;
        s->ok = true;
        return CXChildVisit_Break;
    }
    if (end >= start && end <= s->want.end && !s->has_relaxed) {
        s->relaxed = c;
        s->has_relaxed = true;
    }
    return CXChildVisit_Recurse;
}

static bool find_macro_arg(CXCursor macro, arg_range want, CXCursor *out)
{
    arg_search s;
    memset(&s, 0, sizeof s);
    s.want = want;
    clang_visitChildren(macro, arg_visitor, &s);
    if (!s.ok && !s.has_relaxed)
        return false;
    *out = s.ok ? s.found : s.relaxed;
    return true;
}

/* A macro the rules describe like a function (PyTuple_GET_ITEM): a call
 * to its name, whatever it expands to. */
static ir_operand emit_macro_call(lower_ctx *x, CXCursor c, const char *name,
                                  ir_operand *args, size_t nargs)
{
    CXType t = clang_getCursorType(c);
    int dst = t.kind == CXType_Void || t.kind == CXType_Invalid
                  ? -1 : ir_new_temp(x->f, type_is_object_ptr(t));
    ir_insn *in = emit(x, INSN_CALL, cursor_loc(c));
    in->dst = dst;
    in->callee = xstrdup(name);
    for (size_t i = 0; i < nargs; i++)
        ir_call_add_arg(in, args[i]);
    return dst >= 0 ? ir_op_var(dst) : ir_op_none();
}

/* Lower a recognised macro invocation; false (nothing emitted) when one of
 * its arguments cannot be found in the expansion. */
static bool try_macro(lower_ctx *x, CXCursor c, ir_operand *result)
{
    macro_call m;
    memset(&m, 0, sizeof m);
    const api_rule *rule = match_macro(x, c, &m);
    CXCursor found[16];
    bool ok = rule != NULL;
    for (size_t i = 0; ok && i < m.nargs; i++)
        ok = find_macro_arg(c, m.args[i], &found[i]);
    if (ok) {
        ir_operand args[16];
        for (size_t i = 0; i < m.nargs; i++)
            args[i] = lower_expr(x, found[i]);
        if (rule->effect != EFFECT_NONE)
            *result = apply_effect(x, rule, m.name, args, m.nargs, cursor_loc(c));
        else
            *result = emit_macro_call(x, c, m.name, args, m.nargs);
    }
    free(m.name);
    return ok;
}

/* ---- expressions ---- */

/* An extern variable that a header declares and that this file does not
 * define: the interpreter's exception classes (PyExc_TypeError), or a
 * global of another file of the extension, set when it was initialised. */
static bool defined_elsewhere(CXCursor d)
{
    if (clang_Cursor_getStorageClass(d) != CX_SC_Extern ||
        clang_Location_isFromMainFile(clang_getCursorLocation(d)))
        return false;
    CXCursor def = clang_getCursorDefinition(d);
    return clang_Cursor_isNull(def) ||
           !clang_Location_isFromMainFile(clang_getCursorLocation(def));
}

static ir_operand lower_declref(lower_ctx *x, CXCursor c)
{
    CXCursor d = clang_getCursorReferenced(c);
    enum CXCursorKind k = clang_getCursorKind(d);
    if (k == CXCursor_EnumConstantDecl)
        return ir_op_int(clang_getEnumConstantDeclValue(d));
    if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
        int v = find_var(x, d);
        if (v >= 0)
            return ir_op_var(v);
        char *name = cursor_name(d);
        ir_operand op = ir_op_text(OP_GLOBAL, -1, name);
        op.scalar = !type_is_object_ptr(clang_getCursorType(d));
        op.set_at_init = !op.scalar && defined_elsewhere(d);
        free(name);
        return op;
    }
    return ir_op_none();
}

static char *callee_name(CXCursor call)
{
    CXCursor d = clang_getCursorReferenced(call);
    if (clang_Cursor_isNull(d) || clang_getCursorKind(d) != CXCursor_FunctionDecl)
        return NULL;
    return cursor_name(d);
}

/* The canonical C type of an expression, qualifiers dropped. */
static char *plain_type(CXCursor e)
{
    CXString s = clang_getTypeSpelling(clang_getCanonicalType(clang_getCursorType(e)));
    const char *t = clang_getCString(s);
    char *out = xmalloc(strlen(t) + 1), *o = out;
    while (*t) {
        if (!strncmp(t, "const ", 6) || !strncmp(t, "volatile ", 9) ||
            !strncmp(t, "restrict ", 9)) {
            t = strchr(t, ' ') + 1;
            continue;
        }
        if ((!strncmp(t, " const", 6) || !strncmp(t, " restrict", 9)) &&
            (t[t[1] == 'c' ? 6 : 9] == '\0' || t[t[1] == 'c' ? 6 : 9] == ' ' ||
             t[t[1] == 'c' ? 6 : 9] == '*')) {
            t += t[1] == 'c' ? 6 : 9;
            continue;
        }
        *o++ = *t++;
    }
    *o = '\0';
    clang_disposeString(s);
    return out;
}

/* Is an initialiser element NULL (or 0)?  Casts and parentheses are looked
 * through down to the literal. */
bool cursor_is_null_constant(CXCursor c)
{
    for (;;) {
        long long v;
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_GNUNullExpr)
            return true;
        if (k == CXCursor_IntegerLiteral)
            return cursor_eval_int(c, &v) && v == 0;
        if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
            k != CXCursor_CStyleCastExpr)
            return false;
        kids ks = expr_children(c);
        if (ks.n != 1) {
            free(ks.c);
            return false;
        }
        c = ks.c[0];
        free(ks.c);
    }
}

static enum CXChildVisitResult count_init(CXCursor c, CXCursor parent,
                                          CXClientData data)
{
    (void)parent;
    long *n = data;
    if (cursor_is_null_constant(c))
        return CXChildVisit_Break;   /* the NULL that ends a keyword list */
    (*n)++;
    return CXChildVisit_Continue;
}

/* For an argument naming an initialised array (a keyword list), how many
 * elements it has before its NULL; -1 otherwise. */
static long array_elements(CXCursor arg)
{
    CXCursor d = clang_getCursorReferenced(arg);
    if (clang_getCursorKind(d) != CXCursor_VarDecl ||
        clang_getCursorType(d).kind != CXType_ConstantArray)
        return -1;
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (clang_Cursor_isNull(init) || clang_getCursorKind(init) != CXCursor_InitListExpr)
        return -1;
    long n = 0;
    clang_visitChildren(init, count_init, &n);
    return n;
}

/* Find the expression an argument names, below implicit conversions. */
static CXCursor strip_wrappers(CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr)
            return c;
        kids ks = expr_children(c);
        if (ks.n != 1) {
            free(ks.c);
            return c;
        }
        c = ks.c[0];
        free(ks.c);
    }
}

static void add_call_args(ir_insn *in, CXCursor call, ir_operand *args, int n,
                          bool typed)
{
    for (int i = 0; i < n; i++) {
        if (!typed) {
            ir_call_add_arg(in, args[i]);
            continue;
        }
        CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
        char *type = plain_type(a);
        ir_call_add_typed_arg(in, args[i], type, array_elements(strip_wrappers(a)));
        free(type);
    }
}

/* Is parameter i of the function a call refers to a void pointer? */
static bool param_is_void_ptr(CXCursor call, int i)
{
    CXType ft = clang_getCursorType(clang_getCursorReferenced(call));
    if (ft.kind != CXType_FunctionProto || i >= clang_getNumArgTypes(ft))
        return false;
    CXType pt = clang_getCanonicalType(clang_getArgType(ft, (unsigned)i));
    return pt.kind == CXType_Pointer &&
           clang_getCanonicalType(clang_getPointeeType(pt)).kind == CXType_Void;
}

/* An object handed as a void pointer to a C library's function (one the
 * rules do not describe and this file does not define): the library keeps
 * it as user data (set_panel_userptr(p, obj), a closure's user_data), so
 * the reference goes where the analysis does not follow. */
static void hand_to_library(lower_ctx *x, CXCursor call, const ir_operand *args,
                            int n, ir_loc loc)
{
    CXCursor callee = clang_getCursorReferenced(call);
    if (clang_Cursor_isNull(callee) ||
        !clang_Cursor_isNull(clang_getCursorDefinition(callee)))
        return;
    for (int i = 0; i < n; i++)
        if (param_is_void_ptr(call, i))
            escape_object(x, &args[i], loc);
}

/* ---- calls through members the file sets to one function ---- */

void member_fns_note(member_fns *m, const char *member, const char *fn)
{
    for (size_t i = 0; i < m->n; i++) {
        if (strcmp(m->v[i].member, member))
            continue;
        if (m->v[i].fn && (!fn || strcmp(m->v[i].fn, fn))) {
            free(m->v[i].fn);
            m->v[i].fn = NULL;
        }
        return;
    }
    member_fn e = { xstrdup(member), xstrdup(fn) };
    ARRAY_PUSH(m->v, m->n, m->cap, e);
}

const char *member_fns_find(const member_fns *m, const char *member)
{
    for (size_t i = 0; m && i < m->n; i++)
        if (!strcmp(m->v[i].member, member))
            return m->v[i].fn;
    return NULL;
}

void member_fns_free(member_fns *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].member);
        free(m->v[i].fn);
    }
    free(m->v);
    memset(m, 0, sizeof *m);
}

CXCursor cursor_address_operand(CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
        clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_AddrOf)
        return clang_getNullCursor();
    kids k = expr_children(c);
    CXCursor x = k.n == 1 ? k.c[0] : clang_getNullCursor();
    free(k.c);
    return x;
}

char *cursor_usr(CXCursor decl)
{
    CXString s = clang_getCursorUSR(decl);
    const char *usr = clang_getCString(s);
    char *out = usr && *usr ? xstrdup(usr) : NULL;
    clang_disposeString(s);
    return out;
}

char *cursor_member_usr(CXCursor c)
{
    c = cursor_unwrap(c, NULL);
    if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
        return NULL;
    return cursor_usr(clang_getCursorReferenced(c));
}

/* The function a call through the member expression callee reaches, when
 * the file sets that member to one function only (caller frees), or NULL.
 * Members that are slots of the rules (tp_free, ...) keep their slot
 * meaning. */
static char *member_target(lower_ctx *x, CXCursor callee, const char *via)
{
    if (!x->targets || !x->targets->n ||
        (via && api_rules_find_slot(x->rules, via)))
        return NULL;
    char *usr = cursor_member_usr(callee);
    if (!usr)
        return NULL;
    char *fn = xstrdup(member_fns_find(x->targets, usr));
    free(usr);
    return fn;
}

static ir_operand lower_call(lower_ctx *x, CXCursor c)
{
    char *name = callee_name(c);
    int n = clang_Cursor_getNumArguments(c);
    n = n < 0 ? 0 : n;
    ir_operand *args = xcalloc((size_t)n + 1, sizeof *args);
    for (int i = 0; i < n; i++)
        args[i] = lower_expr(x, clang_Cursor_getArgument(c, (unsigned)i));
    char *via = NULL;
    if (!name) {
        /* an indirect call: lower the callee expression for its effects,
         * and keep the field or variable it calls through */
        kids k = expr_children(c);
        if (k.n) {
            ir_operand callee = lower_expr(x, k.c[0]);
            if (callee.kind == OP_FIELD)
                via = xstrdup(callee.text);
            else if (callee.kind == OP_VAR)
                via = xstrdup(x->f->vars[callee.var].name);
            ir_op_free(&callee);
            name = member_target(x, k.c[0], via);
        }
        free(k.c);
        if (name) {
            free(via);
            via = NULL;
        }
    }
    const api_rule *rule = api_rules_find(x->rules, name, false);
    ir_loc loc = cursor_loc(c);
    ir_operand result;
    if (rule && rule->effect != EFFECT_NONE) {
        result = apply_effect(x, rule, name, args, (size_t)n, loc);
    } else {
        CXType rt = clang_getCursorType(c);
        int dst = rt.kind == CXType_Void ? -1
                  : ir_new_temp(x->f, type_is_object_ptr(rt));
        ir_insn *in = emit(x, INSN_CALL, loc);
        in->dst = dst;
        in->callee = xstrdup(name);
        in->via = via;
        via = NULL;
        add_call_args(in, c, args, n, rule && rule->format_arg);
        result = dst >= 0 ? ir_op_var(dst) : ir_op_none();
        if (!rule)
            hand_to_library(x, c, args, n, loc);
        if (dst >= 0 && rule && rule->stack_memory)
            *stack_mem_of(x, dst) = 1;
        if (rule && rule->noreturn) {
            ir_set_noreturn(x->f, cur_block(x), loc);
            x->cur = -1;
        }
    }
    free(args);
    free(name);
    free(via);
    return result;
}

static ir_operand lower_assign(lower_ctx *x, CXCursor c, CXCursor lhs,
                               CXCursor rhs)
{
    ir_operand value = lower_expr(x, rhs);
    ir_operand place = lower_expr(x, lhs);
    ir_loc loc = cursor_loc(c);
    if (place.kind == OP_VAR) {
        emit_assign(x, place.var, value, loc);
        return place;
    }
    ir_insn *in = emit(x, INSN_STORE, loc);
    in->target = place;
    in->src = ir_op_copy(&value);
    return value;
}

/* A value computed by branching (&&, ||, ?:, !): the temp gets the value of
 * each arm. */
static ir_operand lower_logical_value(lower_ctx *x, CXCursor c)
{
    ir_loc loc = cursor_loc(c);
    int t = ir_new_temp(x->f, false);
    int tb = ir_new_block(x->f), fb = ir_new_block(x->f), join = ir_new_block(x->f);
    lower_cond(x, c, tb, fb);
    x->cur = tb;
    emit_assign(x, t, ir_op_int(1), loc);
    jump(x, join, loc);
    x->cur = fb;
    emit_assign(x, t, ir_op_int(0), loc);
    enter(x, join, loc);
    return ir_op_var(t);
}

static ir_operand lower_conditional(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    ir_loc loc = cursor_loc(c);
    if (k.n != 3) {
        free(k.c);
        ir_mark_incomplete(x->f, "unsupported conditional operator");
        return ir_op_text(OP_UNKNOWN, -1, NULL);
    }
    CXType ty = clang_getCursorType(c);
    int t = ir_new_temp(x->f, type_is_object_ptr(ty));
    int tb = ir_new_block(x->f), fb = ir_new_block(x->f), join = ir_new_block(x->f);
    lower_cond(x, k.c[0], tb, fb);
    x->cur = tb;
    emit_assign(x, t, lower_expr(x, k.c[1]), loc);
    jump(x, join, loc);
    x->cur = fb;
    emit_assign(x, t, lower_expr(x, k.c[2]), loc);
    enter(x, join, loc);
    free(k.c);
    return ir_op_var(t);
}

static ir_operand unknown(void)
{
    return ir_op_text(OP_UNKNOWN, -1, NULL);
}

/* The element idx of the memory base points to (a pointer variable, or a
 * pointer or array member of an object: p[i], self->items[0]), or an
 * unknown operand when base is not one of those.  Consumes base. */
static ir_operand element_of(ir_operand base, const ir_operand *idx)
{
    bool member = base.kind == OP_FIELD && base.var >= 0;
    if (base.kind != OP_VAR && !member) {
        ir_op_free(&base);
        return unknown();
    }
    ir_operand el = ir_op_text(OP_DEREF, base.var, member ? base.text : NULL);
    ir_op_free(&base);
    if (idx->kind == OP_INT) {
        el.index = IDX_CONST;
        el.ival = idx->ival;
    } else if (idx->kind == OP_VAR) {
        el.index = IDX_VAR;
        el.index_var = idx->var;
    }
    return el;
}

/* Lower every expression child for its side effects. */
static ir_operand lower_effects_only(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    for (size_t i = 0; i < k.n; i++) {
        ir_operand op = lower_expr(x, k.c[i]);
        ir_op_free(&op);
    }
    free(k.c);
    return unknown();
}

/* Is the item c (base[i] or *base, base the variable var) in the
 * function's own stack frame (an array variable const void *key[2], or a
 * pointer only ever set by alloca), and is its C type not an object
 * pointer?  Like a field of such a type, it holds no reference: storing an
 * object there (a lookup key made of addresses) hands nothing over. */
static bool local_scalar_item(lower_ctx *x, int var, CXCursor c, CXCursor base)
{
    CXType bt = clang_getCanonicalType(clang_getCursorType(cursor_unwrap(base, NULL)));
    bool array = bt.kind == CXType_ConstantArray ||
                 bt.kind == CXType_IncompleteArray ||
                 bt.kind == CXType_VariableArray;
    bool frame = (array && x->f->vars[var].kind != VAR_PARAM) ||
                 *stack_mem_of(x, var) == 1;
    return frame && !type_is_object_ptr(clang_getCursorType(c));
}

/* An element of this type holds no pointer (an int, a float, a struct):
 * no reference.  A void * element may hold an object (a C API table). */
static bool holds_no_pointer(CXType t)
{
    return clang_getCanonicalType(t).kind != CXType_Pointer;
}

/* The item c, base[idx] or *base (base the lowered operand of base_c,
 * consumed): an element operand, scalar when the item holds no pointer or
 * lives in the function's own stack frame. */
static ir_operand item_operand(lower_ctx *x, CXCursor c, CXCursor base_c,
                               ir_operand base, const ir_operand *idx)
{
    bool local = base.kind == OP_VAR && local_scalar_item(x, base.var, c, base_c);
    ir_operand el = element_of(base, idx);
    el.scalar = holds_no_pointer(clang_getCursorType(c)) || local;
    return el;
}

/* Can the engine name the int this operand holds (a variable, a member
 * of a variable's object, an element)? */
static bool named_int(const ir_operand *op)
{
    return op->kind == OP_VAR || op->kind == OP_DEREF ||
           (op->kind == OP_FIELD && op->var >= 0);
}

/* A temporary holding the int in op minus one (n - 1, --n); consumes op. */
static ir_operand lower_minus_one(lower_ctx *x, ir_operand op, ir_loc loc)
{
    int t = ir_new_temp(x->f, false);
    ir_insn *in = emit(x, INSN_ASSIGN, loc);
    in->dst = t;
    in->src = op;
    in->minus_one = true;
    return ir_op_var(t);
}

/* Write value (consumed) to the variable or place op names (op is not
 * consumed). */
static void lower_write(lower_ctx *x, const ir_operand *op, ir_operand value,
                        ir_loc loc)
{
    if (op->kind == OP_VAR) {
        emit_assign(x, op->var, value, loc);
        return;
    }
    ir_insn *in = emit(x, INSN_STORE, loc);
    in->target = ir_op_copy(op);
    in->src = value;
}

/* ++/--: a decrement of a named int is followed (the new value is one
 * less), any other update makes the value unknown.  The result is the new
 * value of a --x, unknown otherwise. */
static ir_operand lower_step(lower_ctx *x, CXCursor c, ir_operand v,
                             enum CXUnaryOperatorKind op, ir_loc loc)
{
    bool dec = op == CXUnaryOperator_PreDec || op == CXUnaryOperator_PostDec;
    ir_operand result = unknown();
    if (!named_int(&v) || !type_is_int(clang_getCursorType(c))) {
        if (v.kind == OP_VAR)
            emit_assign(x, v.var, unknown(), loc);
    } else if (dec) {
        ir_operand t = lower_minus_one(x, ir_op_copy(&v), loc);
        lower_write(x, &v, ir_op_copy(&t), loc);
        if (op == CXUnaryOperator_PreDec) {
            ir_op_free(&result);
            result = t;
        }
    } else {
        lower_write(x, &v, unknown(), loc);
    }
    ir_op_free(&v);
    return result;
}

/* *p, c the item and p (the cursor ptr) lowered to v, consumed: the item
 * p points to, or an unknown operand. */
static ir_operand lower_deref(lower_ctx *x, CXCursor c, CXCursor ptr,
                              ir_operand v, ir_loc loc)
{
    if (v.kind == OP_VAR)
        emit(x, INSN_USE, loc)->src = ir_op_var(v.var);
    if (v.kind == OP_VAR || (v.kind == OP_FIELD && v.var >= 0)) {
        ir_operand zero = ir_op_int(0);
        return item_operand(x, c, ptr, v, &zero);
    }
    ir_op_free(&v);
    return unknown();
}

/* The object an atomic builtin reads or writes, c the builtin and ptr its
 * pointer: X for &X, else *ptr. */
static ir_operand lower_atomic_object(lower_ctx *x, CXCursor c, CXCursor ptr)
{
    CXCursor target = cursor_address_operand(cursor_unwrap(ptr, NULL));
    if (!clang_Cursor_isNull(target))
        return lower_expr(x, target);
    return lower_deref(x, c, ptr, lower_expr(x, ptr), cursor_loc(c));
}

/* An atomic load is a read of its object, an atomic store a write to it
 * (_Py_atomic_load(&table[i].func), _Py_atomic_store(..., (uintptr_t)f)):
 * true with the load's value or the store's result in *out. */
static bool lower_atomic(lower_ctx *x, CXCursor c, ir_operand *out)
{
    CXCursor ptr, val;
    atomic_access a = cursor_atomic_access(c, &ptr, &val);
    if (a == ATOMIC_NONE)
        return false;
    /* the item has the type of the load, or of the value stored */
    ir_operand obj = lower_atomic_object(x, a == ATOMIC_LOAD ? c : val, ptr);
    if (a == ATOMIC_LOAD) {
        *out = obj;
        return true;
    }
    ir_operand v = lower_expr(x, val);
    /* an object kept as an address (an atomic uintptr_t): the reference
     * goes where the IR does not follow */
    if (obj.scalar)
        escape_object(x, &v, cursor_loc(c));
    lower_write(x, &obj, v, cursor_loc(c));
    ir_op_free(&obj);
    *out = unknown();
    return true;
}

static ir_operand lower_unary(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
    if (k.n != 1 || op == CXUnaryOperator_LNot) {
        free(k.c);
        return op == CXUnaryOperator_LNot ? lower_logical_value(x, c)
                                          : lower_effects_only(x, c);
    }
    CXCursor operand = k.c[0];
    ir_operand v = lower_expr(x, operand);
    ir_loc loc = cursor_loc(c);
    free(k.c);
    switch (op) {
    case CXUnaryOperator_AddrOf:
        if (v.kind == OP_VAR) {
            *stack_mem_of(x, v.var) = -1;   /* may be set through &v */
            v.kind = OP_ADDR;
        } else if (v.kind == OP_GLOBAL) {
            v.kind = OP_ADDR_GLOBAL;
        } else if (v.kind != OP_ADDR_GLOBAL) {
            ir_op_free(&v);
            v = unknown();
        }
        return v;
    case CXUnaryOperator_Deref:
        return lower_deref(x, c, operand, v, loc);
    case CXUnaryOperator_Minus:
        if (v.kind == OP_INT) {
            v.ival = -v.ival;
            return v;
        }
        break;
    case CXUnaryOperator_Extension:
        return v;
    case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
    case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec:
        return lower_step(x, c, v, op, loc);
    default:
        break;
    }
    ir_op_free(&v);
    return unknown();
}

/* Is one side of a comparison an integer constant (0, -1, NULL)? */
/* NULL: 0 cast to a pointer type, (void *)0, through parentheses. */
static bool is_null_pointer_constant(CXCursor c)
{
    if (clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Pointer)
        return false;
    CXCursor lit = cursor_unwrap(c, NULL);
    long long v;
    return clang_getCursorKind(lit) == CXCursor_IntegerLiteral &&
           cursor_eval_int(lit, &v) && v == 0;
}

static bool compares_constant(CXCursor l, CXCursor r)
{
    long long v;
    return cursor_eval_int(r, &v) || cursor_eval_int(l, &v) ||
           is_null_pointer_constant(r) || is_null_pointer_constant(l);
}

/* The object in op (a variable holding one) goes where the IR does not
 * follow: a store to an unknown place. */
static void escape_object(lower_ctx *x, const ir_operand *op, ir_loc loc)
{
    if (op->kind != OP_VAR || op->var < 0 || !x->f->vars[op->var].is_object)
        return;
    ir_insn *in = emit(x, INSN_STORE, loc);
    in->target = unknown();
    in->src = ir_op_copy(op);
}

/* The low bits of an object's address that a tagged pointer may use as
 * flags: they are zero in any real object (alignment). */
#define TAG_BITS_MAX 15

/* Does op denote an object pointer (a variable, member, element or global
 * holding one)? */
static bool denotes_object(const lower_ctx *x, const ir_operand *op)
{
    switch (op->kind) {
    case OP_VAR: return op->var >= 0 && x->f->vars[op->var].is_object;
    case OP_FIELD: case OP_DEREF: case OP_GLOBAL: return !op->scalar;
    case OP_ADDR_GLOBAL: return true;
    default: return false;
    }
}

/* Tagged pointers: how `p OP other`, p an object pointer cast to an
 * integer, relates to p's object. */
typedef enum {
    TAG_OTHER,      /* not a tagging idiom: p goes where the IR does not follow */
    TAG_SAME,       /* p | flag, p & ~mask: p itself, with or without its tag */
    TAG_BITS        /* p & mask: the flag bits, an integer; p goes nowhere */
} tag_kind;

static bool is_tag_bits(long long v)
{
    return v >= 0 && v <= TAG_BITS_MAX;
}

/* Classify `p OP other`: a flag ORed in (a small constant, or any integer
 * computed at run time that is not itself an object pointer), a mask
 * clearing only the low bits, or a mask keeping only them. */
static tag_kind tag_of(const lower_ctx *x, enum CXBinaryOperatorKind op,
                       CXCursor other, const ir_operand *other_op)
{
    long long v;
    bool is_const = cursor_eval_int(other, &v);
    if (op == CXBinaryOperator_Or) {
        bool flag = is_const ? is_tag_bits(v) : !denotes_object(x, other_op);
        return flag ? TAG_SAME : TAG_OTHER;
    }
    if (op == CXBinaryOperator_And && is_const)
        return is_tag_bits(~v) ? TAG_SAME : is_tag_bits(v) ? TAG_BITS : TAG_OTHER;
    return TAG_OTHER;
}

/* `p | flag`, `p & ~mask`, `p & mask` with an object pointer on one side:
 * sets *result (consuming the operands) to p for a tag set or cleared, to
 * an unknown integer for the flag bits read; false when the expression is
 * no tagging idiom. */
static bool lower_tagged(lower_ctx *x, enum CXBinaryOperatorKind op,
                         const kids *k, ir_operand *l, ir_operand *r,
                         ir_operand *result)
{
    if (op != CXBinaryOperator_Or && op != CXBinaryOperator_And)
        return false;
    bool left = denotes_object(x, l);
    if (left == denotes_object(x, r))
        return false;
    ir_operand *obj = left ? l : r, *other = left ? r : l;
    tag_kind t = tag_of(x, op, k->c[left ? 1 : 0], other);
    if (t == TAG_OTHER)
        return false;
    *result = t == TAG_SAME ? *obj : unknown();
    if (t == TAG_SAME)
        *obj = ir_op_none();
    ir_op_free(l);
    ir_op_free(r);
    return true;
}

static ir_operand lower_binary(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
    ir_operand result;
    if (k.n != 2) {
        result = lower_effects_only(x, c);
    } else if (op == CXBinaryOperator_Assign) {
        result = lower_assign(x, c, k.c[0], k.c[1]);
    } else if (op == CXBinaryOperator_Comma) {
        ir_operand l = lower_expr(x, k.c[0]);
        ir_op_free(&l);
        result = lower_expr(x, k.c[1]);
    } else if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
        result = lower_logical_value(x, c);
    } else if (op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE &&
               compares_constant(k.c[0], k.c[1])) {
        /* "failed = PyErr_CheckSignals() < 0": keep the link between the
         * value stored and the outcome of the call */
        result = lower_logical_value(x, c);
    } else {
        ir_operand r = lower_expr(x, k.c[1]);
        ir_operand l = lower_expr(x, k.c[0]);
        if (lower_tagged(x, op, &k, &l, &r, &result)) {
            free(k.c);
            return result;
        }
        if (op == CXBinaryOperator_And || op == CXBinaryOperator_Or ||
            op == CXBinaryOperator_Xor) {
            /* other bit operations on an object pointer (a mask that
             * keeps high bits, two objects combined): where the object
             * goes is no longer followed */
            escape_object(x, &l, cursor_loc(c));
            escape_object(x, &r, cursor_loc(c));
        }
        bool compound = op >= CXBinaryOperator_MulAssign &&
                        op <= CXBinaryOperator_OrAssign;
        if (compound && named_int(&l) && type_is_int(clang_getCursorType(c)))
            lower_write(x, &l, unknown(), cursor_loc(c));
        else if (compound && l.kind == OP_VAR)
            emit_assign(x, l.var, unknown(), cursor_loc(c));
        if (op == CXBinaryOperator_Sub && r.kind == OP_INT && r.ival == 1 &&
            named_int(&l) && type_is_int(clang_getCursorType(c))) {
            result = lower_minus_one(x, l, cursor_loc(c));   /* n - 1 */
            l = ir_op_none();
        } else {
            result = unknown();
        }
        ir_op_free(&l);
        ir_op_free(&r);
    }
    free(k.c);
    return result;
}

/* The USR of the struct that declares the member c refers to, or NULL. */
static char *field_record(CXCursor c)
{
    CXCursor fd = clang_getCursorReferenced(c);
    if (clang_getCursorKind(fd) != CXCursor_FieldDecl)
        return NULL;
    return cursor_usr(clang_getCursorSemanticParent(fd));
}

static ir_operand lower_member(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    char *field = cursor_name(c);
    ir_operand result;
    if (k.n != 1) {
        result = ir_op_text(OP_FIELD, -1, field);
    } else {
        CXType bt = clang_getCanonicalType(clang_getCursorType(k.c[0]));
        ir_operand base = lower_expr(x, k.c[0]);
        bool arrow = bt.kind == CXType_Pointer;
        if (arrow && base.kind == OP_FIELD && base.var >= 0) {
            /* a->b->c: the member of the object a->b holds, a value the
             * engine follows like any field's (read twice, the same) */
            int t = ir_new_temp(x->f, type_is_object_ptr(bt));
            emit_assign(x, t, base, cursor_loc(c));
            base = ir_op_var(t);
        }
        if (arrow && base.kind == OP_VAR)
            emit(x, INSN_USE, cursor_loc(c))->src = ir_op_var(base.var);
        /* p->f, or s.f of a struct variable s: a member of what the
         * variable points to or holds */
        bool named = base.kind == OP_VAR &&
                     (arrow || x->f->vars[base.var].is_struct);
        result = ir_op_text(OP_FIELD, named ? base.var : -1, field);
        ir_op_free(&base);
    }
    result.rec = field_record(c);
    result.scalar = !type_is_object_ptr(clang_getCursorType(c));
    free(field);
    free(k.c);
    return result;
}

static ir_operand lower_subscript(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    ir_operand result = unknown();
    if (k.n == 2) {
        ir_operand idx = lower_expr(x, k.c[1]);
        ir_operand base = lower_expr(x, k.c[0]);
        ir_op_free(&result);
        result = item_operand(x, c, k.c[0], base, &idx);
        ir_op_free(&idx);
    }
    free(k.c);
    return result;
}

/* Casts and parentheses: the value of the single operand; an integer 0
 * converted to a pointer is NULL. */
/* The text of a string literal as the compiler sees it (macros expanded,
 * adjacent literals joined), NULL when it cannot be evaluated. */
static char *evaluated_string(CXCursor c)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    char *text = NULL;
    if (r && clang_EvalResult_getKind(r) == CXEval_StrLiteral)
        text = xstrdup(clang_EvalResult_getAsStr(r));
    if (r)
        clang_EvalResult_dispose(r);
    return text;
}

static ir_operand lower_wrapper(lower_ctx *x, CXCursor c)
{
    kids k = expr_children(c);
    if (k.n == 1 && clang_getCursorKind(k.c[0]) == CXCursor_StringLiteral) {
        char *text = evaluated_string(c);
        if (text) {
            ir_operand op = ir_op_text(OP_STRING, -1, text);
            free(text);
            free(k.c);
            return op;
        }
    }
    ir_operand v;
    bool atomic = k.n >= 2 && lower_atomic(x, c, &v);
    if (!atomic)
        v = k.n ? lower_expr(x, k.c[k.n - 1]) : unknown();
    free(k.c);
    if (v.kind == OP_INT && v.ival == 0 &&
        clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Pointer)
        return ir_op_null();
    return v;
}

/* Append the characters of one string literal token ("...", with simple
 * escapes) to buf. */
static void append_literal(const char *tok, char **buf, size_t *len, size_t *cap)
{
    const char *p = strchr(tok, '"');
    if (!p)
        return;
    for (p++; *p && *p != '"'; p++) {
        char ch = *p;
        if (ch == '\\' && p[1]) {
            p++;
            ch = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == '0' ? '\0' : *p;
        }
        ARRAY_PUSH(*buf, *len, *cap, ch);
    }
}

/* The text of a string literal, adjacent literals joined. */
static char *string_literal_text(CXTranslationUnit tu, CXCursor c)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (unsigned i = 0; i < n; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Literal)
            continue;
        char *t = token_text(tu, toks[i]);
        append_literal(t, &buf, &len, &cap);
        free(t);
    }
    clang_disposeTokens(tu, toks, n);
    ARRAY_PUSH(buf, len, cap, '\0');
    return buf;
}

static ir_operand lower_literal(lower_ctx *x, CXCursor c, enum CXCursorKind kind)
{
    long long v;
    if (kind == CXCursor_StringLiteral) {
        char *text = string_literal_text(x->tu, c);
        ir_operand op = ir_op_text(OP_STRING, -1, text);
        free(text);
        return op;
    }
    if (cursor_eval_int(c, &v))
        return ir_op_int(v);
    if (kind == CXCursor_FloatingLiteral) {
        /* -1.0 and 0.0 matter in error checks: keep integral values */
        CXEvalResult r = clang_Cursor_Evaluate(c);
        double d = r && clang_EvalResult_getKind(r) == CXEval_Float
                       ? clang_EvalResult_getAsDouble(r) : 0.5;
        if (r)
            clang_EvalResult_dispose(r);
        if (d == (double)(long long)d)
            return ir_op_int((long long)d);
    }
    return unknown();
}

static ir_operand lower_expr_at(lower_ctx *x, CXCursor c);

static ir_operand lower_expr(lower_ctx *x, CXCursor c)
{
    if (x->depth >= MAX_NESTING) {
        ir_mark_incomplete(x->f, "an expression nested too deeply");
        return unknown();
    }
    x->depth++;
    ir_operand op = lower_expr_at(x, c);
    x->depth--;
    return op;
}

static ir_operand lower_expr_at(lower_ctx *x, CXCursor c)
{
    ir_operand result;
    if (try_macro(x, c, &result))
        return result;
    enum CXCursorKind kind = clang_getCursorKind(c);
    switch (kind) {
    case CXCursor_DeclRefExpr: return lower_declref(x, c);
    case CXCursor_CallExpr: return lower_call(x, c);
    case CXCursor_IntegerLiteral: case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral: case CXCursor_FloatingLiteral:
        return lower_literal(x, c, kind);
    case CXCursor_ParenExpr: case CXCursor_CStyleCastExpr:
    case CXCursor_UnexposedExpr:
        return lower_wrapper(x, c);
    case CXCursor_UnaryOperator: return lower_unary(x, c);
    case CXCursor_BinaryOperator: case CXCursor_CompoundAssignOperator:
        return lower_binary(x, c);
    case CXCursor_ConditionalOperator: return lower_conditional(x, c);
    case CXCursor_MemberRefExpr: return lower_member(x, c);
    case CXCursor_ArraySubscriptExpr: return lower_subscript(x, c);
    case CXCursor_UnaryExpr: /* sizeof, alignof: not evaluated */
        return unknown();
    case CXCursor_StmtExpr: {
        kids k = children(c);
        for (size_t i = 0; i < k.n; i++)
            lower_stmt(x, k.c[i]);
        free(k.c);
        return unknown();
    }
    default:
        return lower_effects_only(x, c);
    }
}

/* ---- conditions ---- */

static void branch_on(lower_ctx *x, ir_cond cond, int t, int f, ir_loc loc)
{
    if (cond.kind == COND_NONZERO && cond.value.kind == OP_INT) {
        jump(x, cond.value.ival ? t : f, loc);
        return;
    }
    if (cond.kind == COND_NONZERO && cond.value.kind == OP_NULL) {
        jump(x, f, loc);
        return;
    }
    if (cond.kind == COND_NONZERO &&
        (cond.value.kind == OP_ADDR || cond.value.kind == OP_ADDR_GLOBAL ||
         cond.value.kind == OP_STRING)) {
        ir_op_free(&cond.value);
        jump(x, t, loc);
        return;
    }
    ir_set_branch(x->f, cur_block(x), cond, t, f, loc);
    x->cur = -1;
}

static bool is_null_const(const ir_operand *op)
{
    return op->kind == OP_NULL || (op->kind == OP_INT && op->ival == 0);
}

/* a < b is b > a */
static enum CXBinaryOperatorKind mirror_compare(enum CXBinaryOperatorKind op)
{
    switch (op) {
    case CXBinaryOperator_LT: return CXBinaryOperator_GT;
    case CXBinaryOperator_GT: return CXBinaryOperator_LT;
    case CXBinaryOperator_LE: return CXBinaryOperator_GE;
    case CXBinaryOperator_GE: return CXBinaryOperator_LE;
    default: return op;
    }
}

/* Comparisons against a constant: x == NULL, x != 0, x < 0, x == -1, ... */
static bool lower_compare(lower_ctx *x, CXCursor c, int t, int f)
{
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
    if (op < CXBinaryOperator_LT || op > CXBinaryOperator_NE)
        return false;
    kids k = expr_children(c);
    if (k.n != 2) {
        free(k.c);
        return false;
    }
    ir_operand l = lower_expr(x, k.c[0]);
    ir_operand r = lower_expr(x, k.c[1]);
    free(k.c);
    ir_loc loc = cursor_loc(c);
    bool lconst = l.kind == OP_INT || l.kind == OP_NULL ||
                  (l.kind == OP_ADDR_GLOBAL &&
                   (r.kind == OP_VAR || (r.kind == OP_FIELD && r.var >= 0)));
    if (lconst && r.kind != OP_INT && r.kind != OP_NULL) {
        /* "-1 == f()", "0 > x": the constant goes to the right */
        ir_operand tmp = l;
        l = r;
        r = tmp;
        op = mirror_compare(op);
    }
    ir_cond cond = ir_cond_make(COND_OPAQUE, l, 0);
    bool swap = false;
    if (r.kind == OP_INT || r.kind == OP_NULL) {
        long long k0 = r.kind == OP_INT ? r.ival : 0;
        if ((op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) && is_null_const(&r)) {
            cond.kind = COND_NONZERO;
            swap = op == CXBinaryOperator_EQ;
        } else if (op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) {
            cond.kind = COND_EQ;
            cond.ival = k0;
            swap = op == CXBinaryOperator_NE;
        } else if (k0 == 0 && (op == CXBinaryOperator_LT || op == CXBinaryOperator_GE)) {
            cond.kind = COND_NEG;
            swap = op == CXBinaryOperator_GE;
        } else if (k0 == 0 && (op == CXBinaryOperator_GT || op == CXBinaryOperator_LE)) {
            cond.kind = COND_POS;
            swap = op == CXBinaryOperator_LE;
        }
    } else if (is_null_const(&l) && (op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE)) {
        ir_op_free(&cond.value);
        cond.value = r;
        r = ir_op_none();
        cond.kind = COND_NONZERO;
        swap = op == CXBinaryOperator_EQ;
    }
    if (cond.kind == COND_OPAQUE && r.kind == OP_ADDR_GLOBAL &&
        (l.kind == OP_VAR || (l.kind == OP_FIELD && l.var >= 0)) &&
        (op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE)) {
        /* x == Py_None, o->x == Py_None: on the equal side, x is that
         * static object */
        cond.kind = COND_CMP;
        cond.cmp = op == CXBinaryOperator_EQ ? CMP_EQ : CMP_NE;
        cond.rhs = r;
        r = ir_op_none();
    } else if (cond.kind == COND_OPAQUE && l.kind == OP_VAR &&
               (r.kind == OP_VAR || r.kind == OP_INT)) {
        /* i < n, n > 1: decided by what is known of both sides */
        static const ir_cmp cmps[] = { CMP_LT, CMP_GT, CMP_LE, CMP_GE, CMP_EQ, CMP_NE };
        cond.kind = COND_CMP;
        cond.cmp = cmps[op - CXBinaryOperator_LT];
        cond.rhs = r;
        r = ir_op_none();
    } else if (cond.kind == COND_OPAQUE) {
        ir_op_free(&cond.value);
        cond.value = unknown();
    }
    ir_op_free(&r);
    cond.negated = swap;
    branch_on(x, cond, swap ? f : t, swap ? t : f, loc);
    return true;
}

static CXCursor single_expr_child(CXCursor c, bool *ok)
{
    kids k = expr_children(c);
    CXCursor child = k.n == 1 ? k.c[0] : clang_getNullCursor();
    *ok = k.n == 1;
    free(k.c);
    return child;
}

static void lower_cond_at(lower_ctx *x, CXCursor c, int t, int f);

static void lower_cond(lower_ctx *x, CXCursor c, int t, int f)
{
    if (x->depth >= MAX_NESTING) {
        ir_mark_incomplete(x->f, "a condition nested too deeply");
        jump(x, t, cursor_loc(c));
        return;
    }
    x->depth++;
    lower_cond_at(x, c, t, f);
    x->depth--;
}

static void lower_cond_at(lower_ctx *x, CXCursor c, int t, int f)
{
    enum CXCursorKind kind = clang_getCursorKind(c);
    bool ok;
    if (kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr) {
        CXCursor inner = single_expr_child(c, &ok);
        if (ok) {
            lower_cond(x, inner, t, f);
            return;
        }
    }
    if (kind == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
        CXCursor inner = single_expr_child(c, &ok);
        if (ok) {
            lower_cond(x, inner, f, t);
            return;
        }
    }
    if (kind == CXCursor_BinaryOperator) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
        kids k = expr_children(c);
        if (k.n == 2 && (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)) {
            int mid = ir_new_block(x->f);
            if (op == CXBinaryOperator_LAnd)
                lower_cond(x, k.c[0], mid, f);
            else
                lower_cond(x, k.c[0], t, mid);
            x->cur = mid;
            lower_cond(x, k.c[1], t, f);
            free(k.c);
            return;
        }
        if (k.n == 2 && op == CXBinaryOperator_Comma) {
            ir_operand l = lower_expr(x, k.c[0]);
            ir_op_free(&l);
            lower_cond(x, k.c[1], t, f);
            free(k.c);
            return;
        }
        free(k.c);
        if (lower_compare(x, c, t, f))
            return;
    }
    ir_operand v = lower_expr(x, c);
    if (v.kind == OP_UNKNOWN || v.kind == OP_NONE) {
        ir_cond cond = ir_cond_make(COND_OPAQUE, v, 0);
        branch_on(x, cond, t, f, cursor_loc(c));
        return;
    }
    ir_cond cond = ir_cond_make(COND_NONZERO, v, 0);
    branch_on(x, cond, t, f, cursor_loc(c));
}

/* ---- statements ---- */

static void lower_vardecl(lower_ctx *x, CXCursor d)
{
    if (clang_Cursor_hasVarDeclGlobalStorage(d) == 1)
        return;   /* a static local: referred to as a global */
    int v = declare_var(x, d, VAR_LOCAL);
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (clang_Cursor_isNull(init))
        return;
    ir_operand value = lower_expr(x, init);
    emit_assign(x, v, value, cursor_loc(d));
}

static void lower_if(lower_ctx *x, CXCursor c, kids *k)
{
    ir_loc loc = cursor_loc(c);
    int tb = ir_new_block(x->f), join = ir_new_block(x->f);
    int eb = k->n > 2 ? ir_new_block(x->f) : join;
    lower_cond(x, k->c[0], tb, eb);
    x->cur = tb;
    lower_stmt(x, k->c[1]);
    jump(x, join, loc);
    if (k->n > 2) {
        x->cur = eb;
        lower_stmt(x, k->c[2]);
        jump(x, join, loc);
    }
    x->cur = join;
}

typedef struct loop_save {
    int break_to, continue_to;
} loop_save;

static loop_save loop_enter(lower_ctx *x, int brk, int cont)
{
    loop_save s = { x->break_to, x->continue_to };
    x->break_to = brk;
    x->continue_to = cont;
    return s;
}

static void loop_leave(lower_ctx *x, loop_save s)
{
    x->break_to = s.break_to;
    x->continue_to = s.continue_to;
}

static void lower_while(lower_ctx *x, CXCursor c, kids *k)
{
    ir_loc loc = cursor_loc(c);
    int head = ir_new_block(x->f), body = ir_new_block(x->f), exit = ir_new_block(x->f);
    enter(x, head, loc);
    lower_cond(x, k->c[0], body, exit);
    loop_save s = loop_enter(x, exit, head);
    x->cur = body;
    lower_stmt(x, k->c[k->n - 1]);
    jump(x, head, loc);
    loop_leave(x, s);
    x->cur = exit;
}

static void lower_do(lower_ctx *x, CXCursor c, kids *k)
{
    ir_loc loc = cursor_loc(c);
    int body = ir_new_block(x->f), test = ir_new_block(x->f), exit = ir_new_block(x->f);
    enter(x, body, loc);
    loop_save s = loop_enter(x, exit, test);
    lower_stmt(x, k->c[0]);
    loop_leave(x, s);
    enter(x, test, loc);
    lower_cond(x, k->c[k->n - 1], body, exit);
    x->cur = exit;
}

/* Which of a for statement's children are init, cond and inc: decided by
 * their position relative to the two semicolons in the parentheses. */
static bool for_semicolons(lower_ctx *x, CXCursor c, unsigned *semi1,
                           unsigned *semi2)
{
    CXToken *toks = NULL;
    unsigned n = 0, found = 0;
    int depth = 0;
    clang_tokenize(x->tu, clang_getCursorExtent(c), &toks, &n);
    for (unsigned i = 0; i < n && found < 2; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
            continue;
        char *p = token_text(x->tu, toks[i]);
        if (!strcmp(p, "("))
            depth++;
        else if (!strcmp(p, ")"))
            depth--;
        else if (!strcmp(p, ";") && depth == 1)
            *(found++ ? semi2 : semi1) = token_offset(x->tu, toks[i], false);
        free(p);
    }
    clang_disposeTokens(x->tu, toks, n);
    return found == 2;
}

static void lower_for(lower_ctx *x, CXCursor c, kids *k)
{
    CXCursor init = clang_getNullCursor(), cond = init, inc = init;
    unsigned s1 = 0, s2 = 0;
    if (for_semicolons(x, c, &s1, &s2)) {
        for (size_t i = 0; i + 1 < k->n; i++) {
            unsigned start, end;
            if (!extent_offsets(k->c[i], NULL, &start, &end))
                continue;
            *(start < s1 ? &init : start < s2 ? &cond : &inc) = k->c[i];
        }
    } else if (k->n == 4) {
        init = k->c[0], cond = k->c[1], inc = k->c[2];
    } else if (k->n > 1) {
        ir_mark_incomplete(x->f, "for statement in a macro");
    }
    ir_loc loc = cursor_loc(c);
    if (!clang_Cursor_isNull(init))
        lower_stmt(x, init);
    int head = ir_new_block(x->f), body = ir_new_block(x->f);
    int step = ir_new_block(x->f), exit = ir_new_block(x->f);
    enter(x, head, loc);
    if (!clang_Cursor_isNull(cond))
        lower_cond(x, cond, body, exit);
    else
        jump(x, body, loc);
    loop_save s = loop_enter(x, exit, step);
    x->cur = body;
    lower_stmt(x, k->c[k->n - 1]);
    loop_leave(x, s);
    enter(x, step, loc);
    if (!clang_Cursor_isNull(inc))
        lower_stmt(x, inc);
    jump(x, head, loc);
    x->cur = exit;
}

static void lower_switch(lower_ctx *x, CXCursor c, kids *k)
{
    ir_loc loc = cursor_loc(c);
    ir_operand v = lower_expr(x, k->c[0]);
    int disp = cur_block(x), exit = ir_new_block(x->f);
    switch_ctx sw;
    memset(&sw, 0, sizeof sw);
    sw.default_block = exit;
    switch_ctx *outer = x->sw;
    x->sw = &sw;
    loop_save s = loop_enter(x, exit, x->continue_to);
    x->cur = -1;
    lower_stmt(x, k->c[k->n - 1]);
    jump(x, exit, loc);
    loop_leave(x, s);
    x->sw = outer;
    ir_switch_begin(x->f, disp, v, loc);
    for (size_t i = 0; i < sw.n; i++)
        ir_switch_add_case(x->f, disp, sw.vals[i], sw.blocks[i]);
    ir_switch_add_default(x->f, disp, sw.default_block);
    free(sw.vals);
    free(sw.blocks);
    x->cur = exit;
}

static void lower_case(lower_ctx *x, CXCursor c, kids *k, bool is_default)
{
    ir_loc loc = cursor_loc(c);
    int b = ir_new_block(x->f);
    enter(x, b, loc);
    if (!x->sw) {
        ir_mark_incomplete(x->f, "case label outside a switch");
    } else if (is_default) {
        x->sw->default_block = b;
    } else {
        long long val = 0;
        if (!cursor_eval_int(k->c[0], &val))
            ir_mark_incomplete(x->f, "case value is not a constant");
        size_t n = x->sw->n;
        ARRAY_PUSH(x->sw->vals, x->sw->n, x->sw->capv, val);
        ARRAY_PUSH(x->sw->blocks, n, x->sw->capb, b);
    }
    if (k->n)
        lower_stmt(x, k->c[k->n - 1]);
}

static void lower_return(lower_ctx *x, CXCursor c, kids *k)
{
    ir_operand v = ir_op_none();
    for (size_t i = 0; i < k->n; i++)
        if (clang_isExpression(clang_getCursorKind(k->c[i])))
            v = lower_expr(x, k->c[i]);
    ir_set_return(x->f, cur_block(x), v, cursor_loc(c));
    x->cur = -1;
}

static void lower_label(lower_ctx *x, CXCursor c, kids *k)
{
    char *name = cursor_name(c);
    enter(x, label_block(x, name), cursor_loc(c));
    free(name);
    for (size_t i = 0; i < k->n; i++)
        lower_stmt(x, k->c[i]);
}

static void lower_goto(lower_ctx *x, CXCursor c)
{
    char *name = cursor_name(clang_getCursorReferenced(c));
    jump(x, label_block(x, name), cursor_loc(c));
    free(name);
}

static void lower_jump(lower_ctx *x, CXCursor c, int target)
{
    if (target < 0) {
        ir_mark_incomplete(x->f, "break or continue outside a loop");
        return;
    }
    jump(x, target, cursor_loc(c));
}

static void lower_compound(lower_ctx *x, CXCursor c, kids *k)
{
    (void)c;
    for (size_t i = 0; i < k->n; i++) {
        enum CXCursorKind kind = clang_getCursorKind(k->c[i]);
        if (kind == CXCursor_VarDecl)
            lower_vardecl(x, k->c[i]);
        else
            lower_stmt(x, k->c[i]);
    }
}

static void lower_stmt_at(lower_ctx *x, CXCursor c);

static void lower_stmt(lower_ctx *x, CXCursor c)
{
    if (x->depth >= MAX_NESTING) {
        ir_mark_incomplete(x->f, "statements nested too deeply");
        return;
    }
    x->depth++;
    lower_stmt_at(x, c);
    x->depth--;
}

static void lower_stmt_at(lower_ctx *x, CXCursor c)
{
    enum CXCursorKind kind = clang_getCursorKind(c);
    ir_operand op;
    if (kind != CXCursor_CompoundStmt && try_macro(x, c, &op)) {
        ir_op_free(&op);
        return;
    }
    if (clang_isExpression(kind)) {
        op = lower_expr(x, c);
        ir_op_free(&op);
        return;
    }
    kids k = children(c);
    switch (kind) {
    case CXCursor_CompoundStmt: case CXCursor_DeclStmt:
        lower_compound(x, c, &k); break;
    case CXCursor_IfStmt:
        if (k.n >= 2) lower_if(x, c, &k);
        else ir_mark_incomplete(x->f, "if statement shape");
        break;
    case CXCursor_WhileStmt: if (k.n >= 2) lower_while(x, c, &k); break;
    case CXCursor_DoStmt: if (k.n >= 2) lower_do(x, c, &k); break;
    case CXCursor_ForStmt: if (k.n >= 1) lower_for(x, c, &k); break;
    case CXCursor_SwitchStmt: if (k.n >= 2) lower_switch(x, c, &k); break;
    case CXCursor_CaseStmt: lower_case(x, c, &k, false); break;
    case CXCursor_DefaultStmt: lower_case(x, c, &k, true); break;
    case CXCursor_BreakStmt: lower_jump(x, c, x->break_to); break;
    case CXCursor_ContinueStmt: lower_jump(x, c, x->continue_to); break;
    case CXCursor_ReturnStmt: lower_return(x, c, &k); break;
    case CXCursor_LabelStmt: lower_label(x, c, &k); break;
    case CXCursor_GotoStmt: lower_goto(x, c); break;
    case CXCursor_VarDecl: lower_vardecl(x, c); break;
    case CXCursor_IndirectGotoStmt:
        ir_mark_incomplete(x->f, "computed goto");
        break;
    default:
        break;   /* null statements, asm, declarations of types */
    }
    free(k.c);
}

/* ---- functions ---- */

static void declare_params(lower_ctx *x, CXCursor fn)
{
    int n = clang_Cursor_getNumArguments(fn);
    for (int i = 0; i < n; i++)
        declare_var(x, clang_Cursor_getArgument(fn, (unsigned)i), VAR_PARAM);
}

static CXCursor function_body(CXCursor fn)
{
    kids k = children(fn);
    CXCursor body = clang_getNullCursor();
    for (size_t i = 0; i < k.n; i++)
        if (clang_getCursorKind(k.c[i]) == CXCursor_CompoundStmt)
            body = k.c[i];
    free(k.c);
    return body;
}

static void finish_blocks(ir_func *f)
{
    for (size_t i = 0; i < f->nblocks; i++)
        if (f->blocks[i].term == TERM_NONE)
            ir_set_return(f, (int)i, ir_op_none(), f->end_loc);
    ir_prune_unreachable(f);
}

ir_func *lower_function(CXTranslationUnit tu, CXCursor fn,
                        const api_rules *rules, const char *path,
                        const member_fns *targets)
{
    char *name = cursor_name(fn);
    ir_func *f = ir_func_new(name, path);
    free(name);
    CXSourceLocation where = clang_getCursorLocation(fn);
    clang_getExpansionLocation(where, NULL, &f->loc.line, &f->loc.col, NULL);
    CXType rt = clang_getResultType(clang_getCursorType(fn));
    f->returns_object = type_is_object_ptr(rt);
    f->returns_int = type_is_int(rt);
    f->is_static = clang_Cursor_getStorageClass(fn) == CX_SC_Static;
    lower_ctx x;
    memset(&x, 0, sizeof x);
    x.tu = tu;
    x.rules = rules;
    x.targets = targets;
    x.f = f;
    x.break_to = x.continue_to = -1;
    x.cur = ir_new_block(f);
    declare_params(&x, fn);
    CXCursor body = function_body(fn);
    f->end_loc = clang_Cursor_isNull(body) ? f->loc : cursor_end_loc(body);
    if (!clang_Cursor_isNull(body)) {
        lower_stmt(&x, body);
        find_table_accessor(fn, body, f);
    }
    if (x.cur >= 0)
        ir_set_return(f, x.cur, ir_op_none(), f->end_loc);
    finish_blocks(f);
    free(x.vars);
    free(x.stack_mem);
    for (size_t i = 0; i < x.nlabels; i++)
        free(x.labels[i].name);
    free(x.labels);
    return f;
}

/* Down through casts and parentheses; *cast tells whether a cast was met. */
/* Down through casts and parentheses to the expression inside, taking
 * the last operand of a wrapper with several, or (single) stopping there;
 * *cast (if not NULL) is set when a cast was passed. */
static CXCursor unwrap(CXCursor c, bool *cast, bool single)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_CStyleCastExpr && cast)
            *cast = true;
        if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
            k != CXCursor_CStyleCastExpr)
            return c;
        size_t n, nexpr = 0;
        CXCursor *kc = cursor_children(c, &n);
        CXCursor next = clang_getNullCursor();
        for (size_t i = 0; i < n; i++)
            if (clang_isExpression(clang_getCursorKind(kc[i]))) {
                next = kc[i];
                nexpr++;
            }
        free(kc);
        if (clang_Cursor_isNull(next) || (single && nexpr != 1))
            return c;
        c = next;
    }
}

CXCursor cursor_unwrap(CXCursor c, bool *cast)
{
    return unwrap(c, cast, false);
}

CXCursor cursor_strip(CXCursor c)
{
    return unwrap(c, NULL, true);
}

char *cursor_decl_site(CXCursor c, ir_loc *loc)
{
    CXFile file = NULL;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, &loc->line,
                               &loc->col, NULL);
    CXString fname = clang_getFileName(file);
    char *out = xstrdup(clang_getCString(fname));
    clang_disposeString(fname);
    return out;
}

CXCursor cursor_main_var_init(CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_VarDecl ||
        !clang_Location_isFromMainFile(clang_getCursorLocation(c)))
        return clang_getNullCursor();
    CXCursor init = clang_Cursor_getVarDeclInitializer(c);
    if (clang_Cursor_isNull(init) || clang_getCursorKind(init) != CXCursor_InitListExpr)
        return clang_getNullCursor();
    return init;
}
