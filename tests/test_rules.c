/* test_rules.c - unit tests of the API rules tables: the bundled
 * rules/capi.rules covers every public PyObject*-returning function that the
 * installed Python headers declare, a dozen tricky functions carry the
 * semantics the CPython documentation gives them, malformed rules text is
 * rejected with "file:line: reason" messages, and rules/numpy.rules loads on
 * top of capi.rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

#include "../rules/apirules.h"
#include "../rules/format.h"
#include "../analyzer/util.h"

#define BIT(n) (1u << ((n) - 1))

/* ---- fixtures ---- */

static int load_capi(void **state)
{
    char err[512];
    api_rules *r = api_rules_new();
    if (api_rules_load_file(r, "rules/capi.rules", err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        api_rules_free(r);
        return -1;
    }
    *state = r;
    return 0;
}

static int free_rules(void **state)
{
    api_rules_free(*state);
    *state = NULL;
    return 0;
}

/* Look a function up, failing the test (with its name) when it is absent. */
static const api_rule *must_find(const api_rules *r, const char *name,
                                 bool is_macro)
{
    const api_rule *rule = api_rules_find(r, name, is_macro);
    if (!rule)
        fail_msg("no %s rule for %s", is_macro ? "macro" : "function", name);
    return rule;
}

/* ---- 1. completeness against the installed Python headers ---- */

typedef struct name_list {
    char **items;
    size_t len, cap;
} name_list;

static bool name_list_has(const name_list *l, const char *s)
{
    for (size_t i = 0; i < l->len; i++)
        if (!strcmp(l->items[i], s))
            return true;
    return false;
}

static void name_list_free(name_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True when t is PyObject * (canonically struct _object *). */
static bool is_pyobject_ptr(CXType t)
{
    CXType c = clang_getCanonicalType(t);
    if (c.kind != CXType_Pointer)
        return false;
    CXString s = clang_getTypeSpelling(clang_getCanonicalType(
        clang_getPointeeType(c)));
    bool yes = !strcmp(clang_getCString(s), "struct _object");
    clang_disposeString(s);
    return yes;
}

static enum CXChildVisitResult collect_visitor(CXCursor c, CXCursor parent,
                                               CXClientData data)
{
    (void)parent;
    name_list *names = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
        return CXChildVisit_Recurse;
    if (k != CXCursor_FunctionDecl)
        return CXChildVisit_Continue;
    if (!is_pyobject_ptr(clang_getCursorResultType(c)))
        return CXChildVisit_Continue;
    CXString s = clang_getCursorSpelling(c);
    const char *name = clang_getCString(s);
    if (name[0] != '_' && !name_list_has(names, name))
        ARRAY_PUSH(names->items, names->len, names->cap, xstrdup(name));
    clang_disposeString(s);
    return CXChildVisit_Continue;
}

/* "-I/usr/include/python3.X" of the newest installed headers, or "". */
static void python_include(char *out, size_t outlen)
{
    glob_t g;
    out[0] = '\0';
    if (glob("/usr/include/python3.*/Python.h", 0, NULL, &g) == 0 &&
        g.gl_pathc) {
        snprintf(out, outlen, "-I%s", g.gl_pathv[g.gl_pathc - 1]);
        char *slash = strrchr(out, '/');
        if (slash)
            *slash = '\0';
    }
    globfree(&g);
}

static void test_capi_complete(void **state)
{
    const api_rules *rules = *state;
    char pyinc[512];
    python_include(pyinc, sizeof pyinc);
    if (!pyinc[0])
        skip();   /* no Python headers installed */

    static const char probe_name[] = "pyrefcheck_rules_probe.c";
    static const char probe_text[] = "#include <Python.h>\n";
    struct CXUnsavedFile probe = { probe_name, probe_text,
                                   sizeof probe_text - 1 };
    const char *args[] = { "-x", "c", "-std=c11", pyinc };
    CXIndex index = clang_createIndex(0, 0);
    CXTranslationUnit tu = NULL;
    enum CXErrorCode rc = clang_parseTranslationUnit2(
        index, probe_name, args, (int)(sizeof args / sizeof *args), &probe, 1,
        CXTranslationUnit_None, &tu);
    assert_int_equal(rc, CXError_Success);
    assert_non_null(tu);

    unsigned errors = 0;
    for (unsigned i = 0; i < clang_getNumDiagnostics(tu); i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            CXString s = clang_formatDiagnostic(
                d, clang_defaultDiagnosticDisplayOptions());
            fprintf(stderr, "%s\n", clang_getCString(s));
            clang_disposeString(s);
            errors++;
        }
        clang_disposeDiagnostic(d);
    }
    assert_int_equal(errors, 0);

    name_list names = { NULL, 0, 0 };
    clang_visitChildren(clang_getTranslationUnitCursor(tu), collect_visitor,
                        &names);
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(index);

    qsort(names.items, names.len, sizeof *names.items, cmp_names);
    size_t missing = 0;
    for (size_t i = 0; i < names.len; i++)
        if (!api_rules_find(rules, names.items[i], false)) {
            if (!missing)
                printf("functions returning PyObject* without a rule:\n");
            printf("%s\n", names.items[i]);
            missing++;
        }
    printf("capi.rules completeness: %zu public PyObject*-returning functions "
           "checked (%s), %zu missing\n",
           names.len, pyinc + 2, missing);
    fflush(stdout);
    size_t checked = names.len;
    name_list_free(&names);
    /* The headers were read: Python.h declares hundreds of them. */
    assert_true(checked > 300);
    assert_int_equal(missing, 0);
}

/* ---- 2. spot checks of tricky semantics ---- */

static void test_capi_borrowed_and_new(void **state)
{
    const api_rules *r = *state;
    const api_rule *x;

    x = must_find(r, "PyList_GetItem", false);
    assert_int_equal(x->ret, RET_BORROWED);
    assert_int_equal(x->fail, FAIL_NULL);
    assert_false(x->null_ok);

    x = must_find(r, "PySequence_GetItem", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);

    x = must_find(r, "PyImport_ImportModule", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);

    x = must_find(r, "PyEval_GetBuiltins", false);
    assert_int_equal(x->ret, RET_BORROWED);

    x = must_find(r, "PyIter_Next", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);
    assert_true(x->null_ok);

    /* Errors are swallowed: NULL means "missing" and no exception is set. */
    x = must_find(r, "PyDict_GetItem", false);
    assert_int_equal(x->ret, RET_BORROWED);
    assert_int_equal(x->fail, FAIL_NEVER);
    assert_true(x->null_ok);
}

static void test_capi_stealing(void **state)
{
    const api_rules *r = *state;
    const api_rule *x;

    /* Steal the item even when they fail. */
    x = must_find(r, "PyList_SetItem", false);
    assert_int_equal(x->steals, BIT(3));
    assert_int_equal(x->steals_on_success, 0);
    assert_int_equal(x->ret, RET_INT);
    assert_int_equal(x->fail, FAIL_NEG1);

    x = must_find(r, "PyTuple_SetItem", false);
    assert_int_equal(x->steals, BIT(3));
    assert_int_equal(x->steals_on_success, 0);
    assert_int_equal(x->ret, RET_INT);
    assert_int_equal(x->fail, FAIL_NEG1);

    /* Steals only on success. */
    x = must_find(r, "PyModule_AddObject", false);
    assert_int_equal(x->steals_on_success, BIT(3));
    assert_int_equal(x->steals, 0);
    assert_int_equal(x->fail, FAIL_NEG1);

    x = must_find(r, "PyModule_AddObjectRef", false);
    assert_int_equal(x->steals, 0);
    assert_int_equal(x->steals_on_success, 0);
    assert_int_equal(x->since, 0x030a0000);

    x = must_find(r, "PyModule_Add", false);
    assert_int_equal(x->steals, BIT(3));
    assert_int_equal(x->since, 0x030d0000);
}

static void test_capi_out_params_and_versions(void **state)
{
    const api_rules *r = *state;
    const api_rule *x;

    x = must_find(r, "PyDict_GetItemRef", false);
    assert_int_equal(x->ret, RET_INT);
    assert_int_equal(x->fail, FAIL_NEG1);
    assert_int_equal(x->since, 0x030d0000);
    assert_int_equal(x->out_new, 3);          /* &result */
    assert_int_equal(must_find(r, "PyWeakref_GetRef", false)->out_new, 2);
    assert_int_equal(must_find(r, "_PyObject_LookupAttr", false)->out_new, 3);
    assert_int_equal(must_find(r, "PyDict_SetDefaultRef", false)->out_new, 0);

    x = must_find(r, "PyObject_GetOptionalAttr", false);
    assert_int_equal(x->ret, RET_INT);
    assert_int_equal(x->fail, FAIL_NEG1);
    assert_int_equal(x->since, 0x030d0000);

    x = must_find(r, "PyErr_GetRaisedException", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->since, 0x030c0000);

    x = must_find(r, "PyLong_AsInt", false);
    assert_int_equal(x->fail, FAIL_OCCURRED);
    assert_int_equal(x->since, 0x030d0000);

    x = must_find(r, "PyEval_CallObject", false);
    assert_int_equal(x->until, 0x030d0000);
}

static void test_capi_errors_and_formats(void **state)
{
    const api_rules *r = *state;
    const api_rule *x;

    x = must_find(r, "PyErr_Occurred", false);
    assert_int_equal(x->ret, RET_BORROWED);
    assert_true(x->tests_error);

    x = must_find(r, "PyErr_SetString", false);
    assert_true(x->raises);
    assert_false(x->clears_error);

    x = must_find(r, "PyErr_Clear", false);
    assert_true(x->clears_error);
    assert_false(x->raises);

    x = must_find(r, "Py_BuildValue", false);
    assert_true(x->format_build);
    assert_int_equal(x->format_arg, 1);
    assert_int_equal(x->format_values, 2);
    assert_int_equal(x->ret, RET_NEW);

    x = must_find(r, "PyArg_ParseTuple", false);
    assert_false(x->format_build);
    assert_int_equal(x->format_arg, 2);
    assert_int_equal(x->format_values, 3);
    assert_int_equal(x->fail, FAIL_ZERO);

    x = must_find(r, "PyArg_ParseTupleAndKeywords", false);
    assert_int_equal(x->format_arg, 3);
    assert_int_equal(x->format_values, 5);

    x = must_find(r, "Py_FatalError", false);
    assert_true(x->noreturn);

    x = must_find(r, "Py_CLEAR", true);
    assert_int_equal(x->effect, EFFECT_CLEAR);
    assert_int_equal(x->effect_arg, 1);
    assert_null(api_rules_find(r, "Py_CLEAR", false));
}

/* ---- 3. loader error messages ---- */

/* Load text as "test.rules"; expect failure with a message containing
 * want. */
static void expect_error(const char *text, const char *want)
{
    char err[512] = "";
    api_rules *r = api_rules_new();
    int rc = api_rules_load_text(r, "test.rules", text, err, sizeof err);
    api_rules_free(r);
    if (rc != -1 || !strstr(err, want))
        fail_msg("rules text:\n%s\nexpected an error containing \"%s\", "
                 "got rc=%d \"%s\"", text, want, rc, err);
}

static void test_load_errors(void **state)
{
    (void)state;
    expect_error("function X returns=neww\n",
                 "test.rules:1: unknown return kind 'returns=neww'");
    expect_error("# comment\n\nfunction X fails=maybe\n",
                 "test.rules:3: unknown failure kind 'fails=maybe'");
    expect_error("function X returns=new\nfunction Y colour=red\n",
                 "test.rules:2: unknown key 'colour=red'");
    expect_error("function X steals=1,,2\n",
                 "test.rules:1: bad argument list 'steals=1,,2'");
    expect_error("function X steals=0\n",
                 "test.rules:1: bad argument list 'steals=0'");
    expect_error("function X steals-on-success=a\n",
                 "test.rules:1: bad argument list 'steals-on-success=a'");
    expect_error("function X nonnull=33\n",
                 "test.rules:1: bad argument list 'nonnull=33'");
    expect_error("funtion X returns=new\n",
                 "test.rules:1: expected 'function', 'macro' or 'slot', got 'funtion'");
    expect_error("\nfunction\n", "test.rules:2: missing name");
    expect_error("function X since=3\n", "test.rules:1: bad version 'since=3'");
    expect_error("function X until=3.x\n",
                 "test.rules:1: bad version 'until=3.x'");
    expect_error("function X effect=grab:1\n",
                 "test.rules:1: bad effect 'effect=grab:1'");
    expect_error("function X format=scan:1\n",
                 "test.rules:1: bad format spec 'format=scan:1'");
    expect_error("function X format=build:2:1\n",
                 "test.rules:1: bad format spec 'format=build:2:1'");
    expect_error("function X noreturns\n",
                 "test.rules:1: unknown flag 'noreturns'");
}

static void test_load_fields(void **state)
{
    (void)state;
    char err[512] = "";
    api_rules *r = api_rules_new();
    int rc = api_rules_load_text(
        r, "test.rules",
        "# a comment\n"
        "function A returns=new fails=null since=3.10 until=3.13 # trailing\n"
        "function B returns=int fails=-1 steals=1,3 steals-on-success=2 "
        "nonnull=1,32\n"
        "\tmacro  C effect=setref:2 checks-null null-ok\n"
        "function B returns=borrowed\n"   /* replaces the earlier B */
        "function C returns=other fails=0 format=parse:2:4",
        err, sizeof err);
    assert_int_equal(rc, 0);
    assert_int_equal(api_rules_count(r), 4);

    const api_rule *a = must_find(r, "A", false);
    assert_int_equal(a->since, 0x030a0000);
    assert_int_equal(a->until, 0x030d0000);
    assert_int_equal(a->ret, RET_NEW);
    assert_int_equal(a->fail, FAIL_NULL);
    assert_string_equal(a->origin, "test.rules:2");

    const api_rule *b = must_find(r, "B", false);
    assert_int_equal(b->ret, RET_BORROWED);
    assert_int_equal(b->steals, 0);
    assert_string_equal(b->origin, "test.rules:5");

    const api_rule *cm = must_find(r, "C", true);
    assert_true(cm->is_macro);
    assert_int_equal(cm->effect, EFFECT_SETREF);
    assert_int_equal(cm->effect_arg, 2);
    assert_true(cm->checks_null);
    assert_true(cm->null_ok);

    const api_rule *cf = must_find(r, "C", false);
    assert_false(cf->is_macro);
    assert_int_equal(cf->fail, FAIL_ZERO);
    assert_int_equal(cf->format_arg, 2);
    assert_int_equal(cf->format_values, 4);
    assert_false(cf->format_build);
    assert_null(api_rules_find(r, "D", false));
    api_rules_free(r);

    r = api_rules_new();
    assert_int_equal(api_rules_load_text(r, "test.rules",
                                         "function B steals=1,3 nonnull=1,32\n"
                                         "function E returns=new returns-arg=2\n",
                                         err, sizeof err), 0);
    b = must_find(r, "B", false);
    assert_int_equal(b->steals, BIT(1) | BIT(3));
    assert_int_equal(b->nonnull, BIT(1) | BIT(32));
    assert_int_equal(b->returns_arg, 0);
    assert_int_equal(must_find(r, "E", false)->returns_arg, 2);
    api_rules_free(r);

    r = api_rules_new();
    assert_int_equal(api_rules_load_text(r, "test.rules",
                                         "function GetN returns=int member=n\n"
                                         "function GetN returns=int member=count\n",
                                         err, sizeof err), 0);
    assert_string_equal(must_find(r, "GetN", false)->member, "count");
    api_rules_free(r);

    r = api_rules_new();
    assert_int_equal(api_rules_load_file(r, "rules/no-such.rules", err,
                                         sizeof err), -1);
    assert_non_null(strstr(err, "rules/no-such.rules: cannot read rules file"));
    api_rules_free(r);
}

/* Container sizes and indices, status helpers, type tests and cached
 * results are read from their keys; a bad value is an error naming the
 * line. */
static void test_sizes_tests_and_ranges(void **state)
{
    (void)state;
    char err[512] = "";
    api_rules *r = api_rules_new();
    assert_int_equal(api_rules_load_text(r, "test.rules",
                                         "function New returns=new new-size=1\n"
                                         "function Put returns=int fails=-1 steals=3 item-put\n"
                                         "function Raise returns=int nonzero-if=1 zero-iff=1\n"
                                         "function IsT returns=int tests-kind=tuple:1\n"
                                         "function Int returns=new cached=-5:256\n",
                                         err, sizeof err), 0);
    assert_int_equal(must_find(r, "New", false)->new_size_arg, 1);
    assert_true(must_find(r, "Put", false)->item_put);
    assert_int_equal(must_find(r, "Raise", false)->nonzero_if_arg, 1);
    assert_int_equal(must_find(r, "Raise", false)->zero_iff_arg, 1);
    const api_rule *t = must_find(r, "IsT", false);
    assert_int_equal(t->tests_kind, OBJ_TUPLE);
    assert_int_equal(t->tests_kind_arg, 1);
    const api_rule *c = must_find(r, "Int", false);
    assert_true(c->cached_range);
    assert_int_equal(c->cached_lo, -5);
    assert_int_equal(c->cached_hi, 256);
    api_rules_free(r);

    r = api_rules_new();
    assert_int_equal(api_rules_load_text(r, "test.rules",
                                         "function Int returns=new cached=9:2\n",
                                         err, sizeof err), -1);
    assert_non_null(strstr(err, "test.rules:1"));
    api_rules_free(r);

    r = api_rules_new();
    assert_int_equal(api_rules_load_text(r, "test.rules",
                                         "\nfunction IsT returns=int tests-kind=set:1\n",
                                         err, sizeof err), -1);
    assert_non_null(strstr(err, "test.rules:2"));
    api_rules_free(r);
}

/* never-is names the static object a result never is; a later line for
 * the same name replaces it, and a copy made by api_rules_put owns its own
 * string. */
static void test_never_is(void **state)
{
    (void)state;
    char err[512] = "";
    api_rules *r = api_rules_new();
    assert_int_equal(api_rules_load_text(
        r, "test.rules",
        "function Add returns=new fails=null never-is=_Py_NotImplementedStruct\n"
        "function Neg returns=new fails=null never-is=Other\n"
        "function Neg returns=new fails=null\n",
        err, sizeof err), 0);
    assert_string_equal(must_find(r, "Add", false)->never_is,
                        "_Py_NotImplementedStruct");
    assert_null(must_find(r, "Neg", false)->never_is);
    api_rule copy = *must_find(r, "Add", false);
    copy.name = (char *)"Helper";
    api_rules_put(r, &copy);
    api_rules_free(r);
}

/* Slot lines live apart from function lines of the same name; fresh and
 * format-result are read; a build format makes a container when it has
 * several top-level items or one bracketed item. */
static void test_slots_and_fresh(void **state)
{
    (void)state;
    char err[512] = "";
    api_rules *r = api_rules_new();
    assert_int_equal(api_rules_load_text(
        r, "test.rules",
        "slot     tp_alloc returns=new fails=null fresh\n"
        "function tp_alloc returns=int\n"
        "function Build returns=new format=build:1 format-result\n",
        err, sizeof err), 0);
    assert_int_equal(api_rules_count(r), 3);
    const api_rule *s = api_rules_find_slot(r, "tp_alloc");
    assert_non_null(s);
    assert_true(s->is_slot);
    assert_true(s->fresh);
    assert_int_equal(s->ret, RET_NEW);
    assert_int_equal(must_find(r, "tp_alloc", false)->ret, RET_INT);
    assert_false(must_find(r, "tp_alloc", false)->fresh);
    assert_null(api_rules_find_slot(r, "Build"));
    assert_true(must_find(r, "Build", false)->format_result);
    api_rules_free(r);

    assert_true(format_builds_container("SiiSSS"));
    assert_true(format_builds_container("(ii)"));
    assert_true(format_builds_container("[O]"));
    assert_true(format_builds_container("{s:i}"));
    assert_true(format_builds_container("s#, i"));
    assert_false(format_builds_container("O"));
    assert_false(format_builds_container("N"));
    assert_false(format_builds_container("s#"));
    assert_false(format_builds_container(""));
    assert_false(format_builds_container("?"));
}

/* ---- 4. numpy.rules ---- */

static void test_numpy_rules(void **state)
{
    api_rules *r = *state;
    char err[512];
    size_t before = api_rules_count(r);
    if (api_rules_load_file(r, "rules/numpy.rules", err, sizeof err))
        fail_msg("%s", err);
    assert_true(api_rules_count(r) > before + 20);
    /* capi.rules entries are still there. */
    assert_non_null(api_rules_find(r, "PyList_GetItem", false));

    const api_rule *x = must_find(r, "PyArray_FromAny", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);
    assert_int_equal(x->steals, BIT(2));   /* the dtype */

    x = must_find(r, "PyArray_FROM_OTF", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);
    x = must_find(r, "PyArray_FROM_OTF", true);
    assert_int_equal(x->ret, RET_NEW);

    x = must_find(r, "PyArray_SimpleNew", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);
    assert_int_equal(x->steals, 0);

    x = must_find(r, "PyArray_NewFromDescr", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->steals, BIT(2));

    x = must_find(r, "PyArray_CheckFromAny", false);
    assert_int_equal(x->steals, BIT(2));

    x = must_find(r, "PyArray_FromArray", false);
    assert_int_equal(x->steals, BIT(2));

    x = must_find(r, "PyArray_Return", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->steals, BIT(1));

    x = must_find(r, "PyArray_DescrFromType", false);
    assert_int_equal(x->ret, RET_NEW);
    assert_int_equal(x->fail, FAIL_NULL);

    x = must_find(r, "PyArray_SetBaseObject", false);
    assert_int_equal(x->ret, RET_INT);
    assert_int_equal(x->fail, FAIL_NEG1);
    assert_int_equal(x->steals, BIT(2));

    x = must_find(r, "PyArray_DATA", false);
    assert_int_equal(x->ret, RET_OTHER);
    assert_int_equal(x->fail, FAIL_NEVER);
    x = must_find(r, "PyArray_DIMS", false);
    assert_int_equal(x->ret, RET_OTHER);
    assert_int_equal(x->fail, FAIL_NEVER);

    x = must_find(r, "PyArray_Zeros", false);
    assert_int_equal(x->steals, BIT(3));
    x = must_find(r, "PyArray_Empty", false);
    assert_int_equal(x->steals, BIT(3));

    static const char *const news[] = {
        "PyArray_SimpleNewFromData", "PyArray_ContiguousFromAny",
        "PyArray_FromObject", "PyArray_Cast", "PyArray_Transpose",
        "PyArray_Reshape", "PyArray_Newshape", "PyArray_Concatenate",
        "PyArray_Sum", "PyArray_GETITEM", NULL
    };
    for (const char *const *n = news; *n; n++) {
        x = must_find(r, *n, false);
        if (x->ret != RET_NEW || x->fail != FAIL_NULL)
            fail_msg("%s: expected returns=new fails=null", *n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_capi_complete, load_capi,
                                        free_rules),
        cmocka_unit_test_setup_teardown(test_capi_borrowed_and_new, load_capi,
                                        free_rules),
        cmocka_unit_test_setup_teardown(test_capi_stealing, load_capi,
                                        free_rules),
        cmocka_unit_test_setup_teardown(test_capi_out_params_and_versions,
                                        load_capi, free_rules),
        cmocka_unit_test_setup_teardown(test_capi_errors_and_formats,
                                        load_capi, free_rules),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_load_fields),
        cmocka_unit_test(test_slots_and_fresh),
        cmocka_unit_test(test_never_is),
        cmocka_unit_test(test_sizes_tests_and_ranges),
        cmocka_unit_test_setup_teardown(test_numpy_rules, load_capi,
                                        free_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
