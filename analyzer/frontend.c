/* frontend.c - libclang translation units: parsing with clear errors,
 * detecting Python extensions, reading the Python version of the headers,
 * and walking the functions defined in the main file. */
#include "frontend.h"

#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "tables.h"
#include "util.h"

struct frontend {
    CXIndex index;
    const api_rules *rules;
};

struct fe_unit {
    frontend *fe;
    CXTranslationUnit tu;
    char *path;
    unsigned py_version;
    char **taken;          /* functions whose address is taken, sorted */
    size_t ntaken, captaken;
    bool taken_scanned;
    member_fns targets;    /* members the file sets to functions */
    char *python_dir;      /* directory of Python.h with its '/', or NULL */
    CXFile main_file;      /* the file parsed (looked up once: it is slow) */
};

frontend *frontend_new(const api_rules *rules)
{
    frontend *fe = xcalloc(1, sizeof *fe);
    fe->index = clang_createIndex(0, 0);
    fe->rules = rules;
    return fe;
}

void frontend_free(frontend *fe)
{
    if (!fe)
        return;
    clang_disposeIndex(fe->index);
    free(fe);
}

void fe_unit_free(fe_unit *u)
{
    if (!u)
        return;
    clang_disposeTranslationUnit(u->tu);
    for (size_t i = 0; i < u->ntaken; i++)
        free(u->taken[i]);
    free(u->taken);
    member_fns_free(&u->targets);
    free(u->path);
    free(u->python_dir);
    free(u);
}

unsigned fe_unit_python_version(const fe_unit *u)
{
    return u->py_version;
}

/* "file:line:col: error: message" of the first error, or 0 if none. */
static int first_error(CXTranslationUnit tu, char *err, size_t errlen)
{
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Error) {
            CXString s = clang_formatDiagnostic(
                d, CXDiagnostic_DisplaySourceLocation |
                       CXDiagnostic_DisplayColumn);
            snprintf(err, errlen, "%s", clang_getCString(s));
            clang_disposeString(s);
            clang_disposeDiagnostic(d);
            return 1;
        }
        clang_disposeDiagnostic(d);
    }
    return 0;
}

typedef struct include_scan {
    bool has_python_h;
    char *patchlevel;   /* path of patchlevel.h, if reached */
    char *python_dir;   /* directory of Python.h, with its '/' */
} include_scan;

static void inclusion_visitor(CXFile file, CXSourceLocation *stack,
                              unsigned depth, CXClientData data)
{
    (void)stack;
    (void)depth;
    include_scan *scan = data;
    CXString name = clang_getFileName(file);
    const char *path = clang_getCString(name);
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    if (base && !strcmp(base, "Python.h") && !scan->has_python_h) {
        scan->has_python_h = true;
        scan->python_dir = base > path ? xstrndup(path, (size_t)(base - path)) : NULL;
    }
    if (base && !strcmp(base, "patchlevel.h") && !scan->patchlevel)
        scan->patchlevel = xstrdup(path);
    clang_disposeString(name);
}

static unsigned define_value(const char *text, const char *macro)
{
    const char *p = text;
    size_t n = strlen(macro);
    while ((p = strstr(p, macro)) != NULL) {
        const char *q = p + n;
        if ((*q == ' ' || *q == '\t') && p > text && p[-1] == ' ')
            return (unsigned)strtoul(q, NULL, 0);
        p = q;
    }
    return 0;
}

static unsigned read_python_version(const char *patchlevel)
{
    char *text = patchlevel ? read_file(patchlevel, NULL) : NULL;
    if (!text)
        return 0;
    unsigned major = define_value(text, "PY_MAJOR_VERSION");
    unsigned minor = define_value(text, "PY_MINOR_VERSION");
    free(text);
    return major ? (major << 24) | (minor << 16) : 0;
}

fe_status frontend_parse(frontend *fe, const char *file,
                         const char *const *args, int nargs, fe_unit **out,
                         char *err, size_t errlen)
{
    *out = NULL;
    FILE *probe = fopen(file, "rb");
    if (!probe) {
        snprintf(err, errlen, "%s: cannot read file", file);
        return FE_ERROR;
    }
    fclose(probe);
    CXTranslationUnit tu = NULL;
    enum CXErrorCode rc = clang_parseTranslationUnit2(
        fe->index, file, args, nargs, NULL, 0,
        CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
        &tu);
    if (rc != CXError_Success || !tu) {
        snprintf(err, errlen, "%s: libclang could not parse the file (error %d)",
                 file, (int)rc);
        return FE_ERROR;
    }
    if (first_error(tu, err, errlen)) {
        clang_disposeTranslationUnit(tu);
        return FE_ERROR;
    }
    include_scan scan = { false, NULL, NULL };
    clang_getInclusions(tu, inclusion_visitor, &scan);
    fe_unit *u = xcalloc(1, sizeof *u);
    u->fe = fe;
    u->tu = tu;
    u->path = xstrdup(file);
    u->py_version = read_python_version(scan.patchlevel);
    u->python_dir = scan.python_dir;
    CXString spelled = clang_getTranslationUnitSpelling(tu);
    u->main_file = clang_getFile(tu, clang_getCString(spelled));
    clang_disposeString(spelled);
    free(scan.patchlevel);
    *out = u;
    return scan.has_python_h ? FE_OK : FE_NOT_EXTENSION;
}

/* ---- included files ---- */

typedef struct include_walk {
    fe_include_fn fn;
    void *ctx;
} include_walk;

static void include_visitor(CXFile file, CXSourceLocation *stack,
                            unsigned depth, CXClientData data)
{
    (void)stack;
    if (depth == 0)
        return;   /* the main file itself */
    include_walk *iw = data;
    CXString name = clang_getFileName(file);
    const char *path = clang_getCString(name);
    if (path)
        iw->fn(path, iw->ctx);
    clang_disposeString(name);
}

void fe_unit_includes(fe_unit *u, fe_include_fn fn, void *ctx)
{
    include_walk iw = { fn, ctx };
    clang_getInclusions(u->tu, include_visitor, &iw);
}

/* ---- annotations ---- */

static const char *const annotation_args[] = {
    "-DWITH_CPYCHECKER_RETURNS_BORROWED_REF_ATTRIBUTE",
    "-DWITH_CPYCHECKER_STEALS_REFERENCE_TO_ARG_ATTRIBUTE",
    "-Dcpychecker_returns_borrowed_ref=annotate(\"pyrefcheck:returns_borrowed_ref\")",
    "-Dcpychecker_steals_reference_to_arg(n)="
        "annotate(\"pyrefcheck:steals_reference_to_arg:\" #n)",
    NULL
};

const char *const *frontend_annotation_args(void)
{
    return annotation_args;
}

/* Apply one annotation's text to the function's rule and IR flags. */
static void apply_annotation(const char *text, api_rule *r)
{
    const char *p = text + strlen(FE_ANNOTATION_PREFIX);
    unsigned n;
    if (!strcmp(p, "returns_borrowed_ref"))
        r->ret = RET_BORROWED;
    else if (sscanf(p, "steals_reference_to_arg:%u", &n) == 1 && n >= 1 && n <= 32)
        r->steals |= 1u << (n - 1);
}

typedef struct annot_scan {
    api_rule rule;
    bool found;
} annot_scan;

static enum CXChildVisitResult annot_visitor(CXCursor c, CXCursor parent,
                                             CXClientData data)
{
    (void)parent;
    annot_scan *a = data;
    if (clang_getCursorKind(c) != CXCursor_AnnotateAttr)
        return CXChildVisit_Continue;
    CXString s = clang_getCursorSpelling(c);
    const char *text = clang_getCString(s);
    if (text && !strncmp(text, FE_ANNOTATION_PREFIX, strlen(FE_ANNOTATION_PREFIX))) {
        apply_annotation(text, &a->rule);
        a->found = true;
    }
    clang_disposeString(s);
    return CXChildVisit_Continue;
}

/* The rule an annotated function declaration gives, if any. */
static bool annotated_rule(CXCursor fn, api_rule *out)
{
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl || !clang_Cursor_hasAttrs(fn))
        return false;
    annot_scan a;
    memset(&a, 0, sizeof a);
    CXType rt = clang_getResultType(clang_getCursorType(fn));
    a.rule.ret = type_is_object_ptr(rt) ? RET_NEW : RET_OTHER;
    a.rule.fail = type_is_object_ptr(rt) ? FAIL_NULL : FAIL_NEVER;
    clang_visitChildren(fn, annot_visitor, &a);
    if (a.found)
        *out = a.rule;
    return a.found;
}

static enum CXChildVisitResult annot_top(CXCursor c, CXCursor parent,
                                         CXClientData data)
{
    (void)parent;
    api_rule r;
    if (!annotated_rule(c, &r))
        return CXChildVisit_Continue;
    CXString s = clang_getCursorSpelling(c);
    r.name = (char *)clang_getCString(s);
    r.origin = (char *)"annotation";
    api_rules_put(data, &r);
    clang_disposeString(s);
    return CXChildVisit_Continue;
}

void fe_unit_annotations(fe_unit *u, api_rules *local)
{
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), annot_top, local);
}

static void set_annotations(CXCursor fn, ir_func *f)
{
    api_rule r;
    if (!annotated_rule(fn, &r))
        return;
    f->returns_borrowed = r.ret == RET_BORROWED;
    f->steals_params = r.steals;
}

/* Is c declared in the extension's own code: not in a system header, not
 * in one of Python's headers? */
static bool is_own_declaration(const fe_unit *u, CXCursor c)
{
    CXSourceLocation loc = clang_getCursorLocation(c);
    if (clang_Location_isInSystemHeader(loc))
        return false;
    CXFile file = NULL;
    clang_getExpansionLocation(loc, &file, NULL, NULL, NULL);
    CXString fname = clang_getFileName(file);
    const char *path = clang_getCString(fname);
    const char *dir = u->python_dir;
    bool own = path && !(dir && !strncmp(path, dir, strlen(dir)));
    clang_disposeString(fname);
    return own;
}

/* ---- functions whose address is taken ---- */

typedef struct taken_scan {
    fe_unit *u;
    unsigned last_call_start;
} taken_scan;

static unsigned start_offset(CXCursor c)
{
    unsigned off = 0;
    clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), NULL,
                          NULL, NULL, &off);
    return off;
}

/* The function an assigned value names (`f`, `&f`, through casts), as a
 * new string, or NULL. */
static char *assigned_function(CXCursor value)
{
    value = cursor_unwrap(value, NULL);
    CXCursor target = cursor_address_operand(value);
    if (!clang_Cursor_isNull(target))
        value = cursor_unwrap(target, NULL);
    if (clang_getCursorKind(value) != CXCursor_DeclRefExpr)
        return NULL;
    CXCursor d = clang_getCursorReferenced(value);
    if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
        return NULL;
    return cursor_name(d);
}

/* `o->m = value;`: note which function member m is set to (a NULL store
 * does not count; any other value makes the member's target unknown).
 * Only members of the extension's own structures: a member of a type that
 * Python's headers declare (tp_new) has other values in other objects. */
static void note_member_store(fe_unit *u, CXCursor assign)
{
    if (clang_getCursorBinaryOperatorKind(assign) != CXBinaryOperator_Assign)
        return;
    size_t n;
    CXCursor *k = cursor_children(assign, &n);
    CXCursor lhs = n == 2 ? cursor_unwrap(k[0], NULL) : clang_getNullCursor();
    char *member = n == 2 &&
        is_own_declaration(u, clang_getCursorReferenced(lhs))
        ? cursor_member_usr(k[0]) : NULL;
    if (member && !cursor_is_null_constant(k[1])) {
        char *fn = assigned_function(k[1]);
        member_fns_note(&u->targets, member, fn);
        free(fn);
    }
    free(member);
    free(k);
}

/* A reference to a function that is not the callee of a call (the callee
 * is the first thing visited after its call, at the call's start). */
static enum CXChildVisitResult taken_visitor(CXCursor c, CXCursor parent,
                                             CXClientData data)
{
    (void)parent;
    taken_scan *ts = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_BinaryOperator)
        note_member_store(ts->u, c);
    if (k == CXCursor_CallExpr) {
        ts->last_call_start = start_offset(c);
    } else if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) == CXCursor_FunctionDecl &&
            start_offset(c) != ts->last_call_start) {
            char *name = cursor_name(d);
            ARRAY_PUSH(ts->u->taken, ts->u->ntaken, ts->u->captaken, name);
        }
        ts->last_call_start = (unsigned)-1;
    }
    return CXChildVisit_Recurse;
}

static enum CXChildVisitResult taken_top(CXCursor c, CXCursor parent,
                                         CXClientData data)
{
    (void)parent;
    if (clang_Location_isFromMainFile(clang_getCursorLocation(c)))
        clang_visitChildren(c, taken_visitor, data);
    return CXChildVisit_Continue;
}

static void scan_taken(fe_unit *u)
{
    if (u->taken_scanned)
        return;
    u->taken_scanned = true;
    taken_scan ts = { u, (unsigned)-1 };
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), taken_top, &ts);
    if (u->ntaken)
        qsort(u->taken, u->ntaken, sizeof *u->taken, cmp_strptr);
}

static void set_python_facing(fe_unit *u, ir_func *f)
{
    const char *key = f->name;
    f->address_taken = u->ntaken &&
        bsearch(&key, u->taken, u->ntaken, sizeof *u->taken, cmp_strptr);
    f->python_facing = !f->is_static || f->address_taken;
}

/* ---- walking function definitions ---- */

typedef struct walk {
    fe_unit *u;
    fe_func_cb cb;
    void *ctx;
    const char *only;   /* lower only this name */
    ir_func *found;
    int rc;
    bool helpers;       /* this pass lowers the included helpers wanted */
    str_set wanted;     /* functions the lowered ones call */
    str_set done;       /* included helpers looked at */
    bool grew;          /* a helper was lowered in this pass */
} walk;

/* Note the functions f calls: included helpers among them are wanted. */
static void want_callees(walk *w, const ir_func *f)
{
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if (in->kind == INSN_CALL && in->callee)
                str_set_add(&w->wanted, in->callee);
        }
}

/* A function defined in the main file, also when a macro of the main
 * file spells its declarator (DEFINE_GETTER(x) { ... }). */
static bool is_main_file_definition(const fe_unit *u, CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
        !clang_isCursorDefinition(c))
        return false;
    CXSourceLocation loc = clang_getCursorLocation(c);
    if (clang_Location_isFromMainFile(loc))
        return true;
    CXFile file = NULL;
    clang_getExpansionLocation(loc, &file, NULL, NULL, NULL);
    return file && u->main_file && clang_File_isEqual(file, u->main_file);
}

/* A static function defined in a file the main file includes that is the
 * extension's own (not a system header, not one of Python's headers, not
 * a function the rules describe): its callers in the main file need its
 * summary, but its findings are the file's own business. */
static bool is_included_helper(const fe_unit *u, CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
        !clang_isCursorDefinition(c) ||
        clang_Cursor_getStorageClass(c) != CX_SC_Static)
        return false;
    bool own = is_own_declaration(u, c);
    CXString name = clang_getCursorSpelling(c);
    bool described = api_rules_find(u->fe->rules, clang_getCString(name), false) != NULL;
    clang_disposeString(name);
    return own && !described;
}

/* A pass over the included helpers: those called by what was lowered so
 * far are lowered too, for their summaries only. */
static enum CXChildVisitResult helper_visitor(CXCursor c, walk *w)
{
    if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
        return CXChildVisit_Continue;
    CXString s = clang_getCursorSpelling(c);
    const char *name = clang_getCString(s);
    bool wanted = name && str_set_has(&w->wanted, name) && !str_set_has(&w->done, name);
    if (wanted)
        str_set_add(&w->done, name);
    clang_disposeString(s);
    if (!wanted || is_main_file_definition(w->u, c) || !is_included_helper(w->u, c))
        return CXChildVisit_Continue;
    ir_func *h = lower_function(w->u->tu, c, w->u->fe->rules, w->u->path,
                                &w->u->targets);
    h->summary_only = true;
    want_callees(w, h);
    w->grew = true;
    w->rc = w->cb(h, w->ctx);
    return w->rc ? CXChildVisit_Break : CXChildVisit_Continue;
}

static enum CXChildVisitResult top_visitor(CXCursor c, CXCursor parent,
                                           CXClientData data)
{
    (void)parent;
    walk *w = data;
    if (w->helpers)
        return helper_visitor(c, w);
    if (!is_main_file_definition(w->u, c))
        return CXChildVisit_Continue;
    if (w->only) {
        CXString s = clang_getCursorSpelling(c);
        bool match = !strcmp(clang_getCString(s), w->only);
        clang_disposeString(s);
        if (!match)
            return CXChildVisit_Continue;
        w->found = lower_function(w->u->tu, c, w->u->fe->rules,
                                  w->u->path, &w->u->targets);
        set_python_facing(w->u, w->found);
        set_annotations(c, w->found);
        return CXChildVisit_Break;
    }
    ir_func *f = lower_function(w->u->tu, c, w->u->fe->rules, w->u->path,
                                &w->u->targets);
    set_python_facing(w->u, f);
    set_annotations(c, f);
    want_callees(w, f);
    w->rc = w->cb(f, w->ctx);
    return w->rc ? CXChildVisit_Break : CXChildVisit_Continue;
}

int fe_unit_lower_functions(fe_unit *u, fe_func_cb cb, void *ctx)
{
    scan_taken(u);
    walk w;
    memset(&w, 0, sizeof w);
    w.u = u;
    w.cb = cb;
    w.ctx = ctx;
    CXCursor top = clang_getTranslationUnitCursor(u->tu);
    clang_visitChildren(top, top_visitor, &w);
    /* then the included helpers they call, and the ones those call */
    w.helpers = true;
    for (int round = 0; round < 8 && !w.rc; round++) {
        w.grew = false;
        clang_visitChildren(top, top_visitor, &w);
        if (!w.grew)
            break;
    }
    str_set_free(&w.wanted);
    str_set_free(&w.done);
    return w.rc;
}

ir_func *fe_unit_lower_function(fe_unit *u, const char *name)
{
    scan_taken(u);
    walk w;
    memset(&w, 0, sizeof w);
    w.u = u;
    w.only = name;
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), top_visitor, &w);
    return w.found;
}

/* ---- definition tables ---- */

typedef struct table_kids {
    CXCursor *c;
    size_t n;
} table_kids;

static table_kids table_children(CXCursor c)
{
    table_kids k;
    k.c = cursor_children(c, &k.n);
    return k;
}

static void read_method_fields(table_entry *e, const table_kids *f)
{
    if (f->n >= 1 && clang_getCursorKind(cursor_unwrap(f->c[0], NULL)) == CXCursor_StringLiteral) {
        CXString s = clang_getCursorSpelling(cursor_unwrap(f->c[0], NULL));
        const char *lit = clang_getCString(s);
        size_t n = strlen(lit);
        e->name = n >= 2 && lit[0] == '"' ? xstrndup(lit + 1, n - 2) : xstrdup(lit);
        clang_disposeString(s);
    }
    if (f->n >= 2) {
        CXCursor fn = cursor_unwrap(f->c[1], &e->cast);
        CXCursor d = clang_getCursorReferenced(fn);
        if (clang_getCursorKind(fn) == CXCursor_DeclRefExpr &&
            clang_getCursorKind(d) == CXCursor_FunctionDecl) {
            CXString s = clang_getCursorSpelling(d);
            e->func = xstrdup(clang_getCString(s));
            clang_disposeString(s);
            e->nparams = clang_getNumArgTypes(clang_getCursorType(d));
        }
    }
    if (f->n >= 3) {
        e->flags_known = cursor_eval_int(f->c[2], &e->flags);
    }
}

/* {name, type, offset, flags, doc} */
static void read_member_fields(table_entry *e, const table_kids *f)
{
    long long type;
    if (f->n >= 4 && cursor_eval_int(f->c[1], &type) &&
        cursor_eval_int(f->c[2], &e->member_offset) &&
        cursor_eval_int(f->c[3], &e->member_flags)) {
        e->member_type = (int)type;
        e->member_known = true;
    }
}

static void read_entry(def_table *t, CXCursor init)
{
    table_entry e;
    memset(&e, 0, sizeof e);
    e.nparams = -1;
    CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(init));
    clang_getExpansionLocation(loc, NULL, &e.loc.line, &e.loc.col, NULL);
    table_kids f = table_children(init);
    e.sentinel = true;
    for (size_t i = 0; i < f.n; i++)
        if (!cursor_is_null_constant(f.c[i]))
            e.sentinel = false;
    if (!e.sentinel && t->kind == TABLE_METHODS)
        read_method_fields(&e, &f);
    if (!e.sentinel && t->kind == TABLE_MEMBERS)
        read_member_fields(&e, &f);
    free(f.c);
    ARRAY_PUSH(t->entries, t->n, t->cap, e);
}

static bool table_kind_of(CXType arr, table_kind *kind)
{
    if (arr.kind != CXType_ConstantArray && arr.kind != CXType_IncompleteArray)
        return false;
    CXString s = clang_getTypeSpelling(clang_getCanonicalType(clang_getArrayElementType(arr)));
    const char *t = clang_getCString(s);
    bool ok = true;
    if (strstr(t, "struct PyMethodDef"))
        *kind = TABLE_METHODS;
    else if (strstr(t, "struct PyGetSetDef"))
        *kind = TABLE_GETSET;
    else if (strstr(t, "struct PyMemberDef"))
        *kind = TABLE_MEMBERS;
    else
        ok = false;
    clang_disposeString(s);
    return ok;
}

static enum CXChildVisitResult table_visitor(CXCursor c, CXCursor parent,
                                             CXClientData data)
{
    (void)parent;
    table_kind kind;
    CXCursor init = cursor_main_var_init(c);
    if (clang_Cursor_isNull(init) || !table_kind_of(clang_getCursorType(c), &kind))
        return CXChildVisit_Continue;
    def_table t;
    memset(&t, 0, sizeof t);
    t.kind = kind;
    CXString name = clang_getCursorSpelling(c);
    t.var = xstrdup(clang_getCString(name));
    clang_disposeString(name);
    t.file = cursor_decl_site(c, &t.loc);
    table_kids rows = table_children(init);
    for (size_t i = 0; i < rows.n; i++)
        if (clang_getCursorKind(rows.c[i]) == CXCursor_InitListExpr)
            read_entry(&t, rows.c[i]);
    free(rows.c);
    def_table_list *out = data;
    ARRAY_PUSH(out->items, out->len, out->cap, t);
    return CXChildVisit_Continue;
}

void fe_unit_tables(fe_unit *u, def_table_list *out)
{
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), table_visitor, out);
}

void fe_unit_types(fe_unit *u, type_def_list *out)
{
    read_type_defs(u->tu, out);
}
