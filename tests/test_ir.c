/* test_ir.c - unit tests of the front end's lowering into the IR: C
 * snippets are parsed by libclang (with the real Python headers where they
 * include Python.h) and the dumped blocks, edges and instructions are
 * compared with what the C semantics require. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyzer/frontend.h"
#include "../analyzer/util.h"

typedef struct fixture {
    api_rules *rules;
    frontend *fe;
    char dir[64];
    char pyinc[256];
} fixture;

static int setup(void **state)
{
    fixture *fx = xcalloc(1, sizeof *fx);
    char err[512];
    fx->rules = api_rules_new();
    if (api_rules_load_file(fx->rules, "rules/capi.rules", err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    fx->fe = frontend_new(fx->rules);
    strcpy(fx->dir, "/tmp/pyrefcheck-ir-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    glob_t g;
    if (glob("/usr/include/python3.*/Python.h", 0, NULL, &g) == 0 && g.gl_pathc) {
        snprintf(fx->pyinc, sizeof fx->pyinc, "-I%s", g.gl_pathv[g.gl_pathc - 1]);
        *strrchr(fx->pyinc, '/') = '\0';
    }
    globfree(&g);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char *cmd = xasprintf("rm -rf '%s'", fx->dir);
    int rc = system(cmd);
    free(cmd);
    frontend_free(fx->fe);
    api_rules_free(fx->rules);
    free(fx);
    return rc == 0 ? 0 : -1;
}

static char *write_snippet(fixture *fx, const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", fx->dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static fe_status parse(fixture *fx, const char *path, fe_unit **u, char *err,
                       size_t errlen)
{
    const char *args[] = { fx->pyinc };
    return frontend_parse(fx->fe, path, args, fx->pyinc[0] ? 1 : 0, u, err,
                          errlen);
}

/* Lower function fn of snippet text and return its dump. */
static char *dump_of(fixture *fx, const char *text, const char *fn,
                     fe_status want)
{
    char *path = write_snippet(fx, "snippet.c", text);
    fe_unit *u = NULL;
    char err[1024] = "";
    fe_status st = parse(fx, path, &u, err, sizeof err);
    if (st != want)
        fprintf(stderr, "parse status %d: %s\n", st, err);
    assert_int_equal(st, want);
    ir_func *f = fe_unit_lower_function(u, fn);
    assert_non_null(f);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ir_dump(f, out);
    fclose(out);
    ir_func_free(f);
    fe_unit_free(u);
    free(path);
    return buf;
}

static void expect_dump(const char *got, const char *want)
{
    if (strcmp(got, want))
        fprintf(stderr, "--- got:\n%s--- want:\n%s", got, want);
    assert_string_equal(got, want);
}

static const char control_flow_src[] =
    "int g(int);\n"
    "int f(int a, int b) {\n"
    "    int r = 0;\n"
    "    if (a && b)\n"
    "        r = 1;\n"
    "    else if (a || g(b))\n"
    "        r = 2;\n"
    "    while (r < 10) {\n"
    "        if (r == 5) break;\n"
    "        r++;\n"
    "        if (r == 3) continue;\n"
    "    }\n"
    "    do { r--; } while (r > 0);\n"
    "    for (int i = 0; i < 3; i++) r += i;\n"
    "    for (;;) { if (g(r)) break; }\n"
    "    switch (a) {\n"
    "    case 1:\n"
    "        r = 1;\n"
    "    case 2:\n"
    "        r = 2;\n"
    "        break;\n"
    "    default:\n"
    "        r = 3;\n"
    "    }\n"
    "    r = a ? b : g(a), g(b);\n"
    "    if (b < 0) goto out;\n"
    "    return r;\n"
    "out:\n"
    "    return -1;\n"
    "}\n";

static const char control_flow_ir[] =
    "function f -> int\n"
    "  param a\n"
    "  param b\n"
    "  local r\n"
    "  local i\n"
    "bb0:\n"
    "  3:5 assign r = 0\n"
    "  4:9 branch a != 0 ? bb4 : bb3\n"
    "bb1:\n"
    "  5:9 assign r = 1\n"
    "  4:5 goto bb2\n"
    "bb2:\n"
    "  8:5 goto bb8\n"
    "bb3:\n"
    "  6:14 branch a != 0 ? bb5 : bb7\n"
    "bb4:\n"
    "  4:14 branch b != 0 ? bb1 : bb3\n"
    "bb5:\n"
    "  7:9 assign r = 2\n"
    "  6:10 goto bb6\n"
    "bb6:\n"
    "  4:5 goto bb2\n"
    "bb7:\n"
    "  6:19 call $t3 = g(b)\n"
    "  6:19 branch $t3 != 0 ? bb5 : bb6\n"
    "bb8:\n"
    "  8:12 branch r < 10 ? bb9 : bb10\n"
    "bb9:\n"
    "  9:13 branch r == 5 ? bb11 : bb12\n"
    "bb10:\n"
    "  13:5 goto bb15\n"
    "bb11:\n"
    "  9:21 goto bb10\n"
    "bb12:\n"
    "  10:9 assign r = ?\n"
    "  11:13 branch r == 3 ? bb13 : bb14\n"
    "bb13:\n"
    "  11:21 goto bb8\n"
    "bb14:\n"
    "  8:5 goto bb8\n"
    "bb15:\n"
    "  13:10 assign $t4 = r - 1\n"
    "  13:10 assign r = $t4\n"
    "  13:5 goto bb16\n"
    "bb16:\n"
    "  13:24 branch r > 0 ? bb15 : bb17\n"
    "bb17:\n"
    "  14:10 assign i = 0\n"
    "  14:5 goto bb18\n"
    "bb18:\n"
    "  14:21 branch i < 3 ? bb19 : bb21\n"
    "bb19:\n"
    "  14:33 assign r = ?\n"
    "  14:5 goto bb20\n"
    "bb20:\n"
    "  14:28 assign i = ?\n"
    "  14:5 goto bb18\n"
    "bb21:\n"
    "  15:5 goto bb22\n"
    "bb22:\n"
    "  15:5 goto bb23\n"
    "bb23:\n"
    "  15:20 call $t6 = g(r)\n"
    "  15:20 branch $t6 != 0 ? bb26 : bb27\n"
    "bb24:\n"
    "  15:5 goto bb22\n"
    "bb25:\n"
    "  16:5 switch a 1:bb29 2:bb30 default:bb31\n"
    "bb26:\n"
    "  15:26 goto bb25\n"
    "bb27:\n"
    "  15:5 goto bb24\n"
    "bb28:\n"
    "  25:9 branch a != 0 ? bb32 : bb33\n"
    "bb29:\n"
    "  18:9 assign r = 1\n"
    "  19:5 goto bb30\n"
    "bb30:\n"
    "  20:9 assign r = 2\n"
    "  21:9 goto bb28\n"
    "bb31:\n"
    "  23:9 assign r = 3\n"
    "  16:5 goto bb28\n"
    "bb32:\n"
    "  25:9 assign $t7 = b\n"
    "  25:9 goto bb34\n"
    "bb33:\n"
    "  25:17 call $t8 = g(a)\n"
    "  25:9 assign $t7 = $t8\n"
    "  25:9 goto bb34\n"
    "bb34:\n"
    "  25:5 assign r = $t7\n"
    "  25:23 call $t9 = g(b)\n"
    "  26:9 branch b < 0 ? bb35 : bb36\n"
    "bb35:\n"
    "  26:16 goto bb37\n"
    "bb36:\n"
    "  27:5 return r\n"
    "bb37:\n"
    "  29:5 return -1\n";

/* if/else with && and ||, while with break/continue, do, for with and
 * without clauses, switch with fall-through and default, ?:, the comma
 * operator, goto. */
static void test_control_flow(void **state)
{
    char *got = dump_of(*state, control_flow_src, "f", FE_NOT_EXTENSION);
    expect_dump(got, control_flow_ir);
    free(got);
}

static const char refcount_src[] =
    "#include <Python.h>\n"
    "typedef struct { PyObject_HEAD PyObject *cache; } CacheObject;\n"
    "static PyObject *\n"
    "cache_set(CacheObject *self, PyObject *value)\n"
    "{\n"
    "    PyObject *tmp = PyObject_Str(value);\n"
    "    if (tmp == NULL)\n"
    "        return NULL;\n"
    "    Py_INCREF(value);\n"
    "    Py_SETREF(self->cache, value);\n"
    "    Py_XDECREF(tmp);\n"
    "    Py_CLEAR(tmp);\n"
    "    Py_CLEAR(self->cache);\n"
    "    return Py_NewRef(Py_None);\n"
    "}\n";

static const char refcount_ir[] =
    "function cache_set -> object\n"
    "  param self object\n"
    "  param value object\n"
    "  local tmp object\n"
    "bb0:\n"
    "  6:21 call $t3 = PyObject_Str(value)\n"
    "  6:5 assign tmp = $t3\n"
    "  7:9 branch tmp != 0 ? bb2 : bb1\n"
    "bb1:\n"
    "  8:9 return NULL\n"
    "bb2:\n"
    "  9:5 incref value\n"
    "  10:5 use self\n"
    "  10:5 assign $t4 = self->cache\n"
    "  10:5 store self->cache = value\n"
    "  10:5 decref $t4\n"
    "  11:5 decref nullable tmp\n"
    "  12:5 decref nullable clears tmp\n"
    "  13:5 use self\n"
    "  13:5 assign $t5 = self->cache\n"
    "  13:5 store self->cache = NULL\n"
    "  13:5 decref nullable $t5\n"
    "  14:12 incref &@_Py_NoneStruct\n"
    "  14:5 return &@_Py_NoneStruct\n";

/* Py_INCREF, Py_SETREF, Py_XDECREF, Py_CLEAR (variable and field) and
 * Py_NewRef become incref/decref instructions on the user's lines. */
static void test_refcount_macros(void **state)
{
    char *got = dump_of(*state, refcount_src, "cache_set", FE_OK);
    expect_dump(got, refcount_ir);
    free(got);
}

static void test_goto_cleanup(void **state)
{
    static const char src[] =
        "#include <Python.h>\n"
        "static PyObject *mk(PyObject *self, PyObject *args) {\n"
        "    PyObject *a = NULL, *b = NULL;\n"
        "    a = PyLong_FromLong(1);\n"
        "    if (!a) goto error;\n"
        "    b = PyLong_FromLong(2);\n"
        "    if (!b) goto error;\n"
        "    return PyTuple_Pack(2, a, b);\n"
        "error:\n"
        "    Py_XDECREF(a);\n"
        "    Py_XDECREF(b);\n"
        "    return NULL;\n"
        "}\n";
    char *got = dump_of(*state, src, "mk", FE_OK);
    /* both failure branches reach the one error block */
    assert_non_null(strstr(got, "  5:10 branch a != 0 ? bb2 : bb1\n"));
    assert_non_null(strstr(got, "  7:10 branch b != 0 ? bb5 : bb4\n"));
    assert_non_null(strstr(got, "bb1:\n  5:13 goto bb3\n"));
    assert_non_null(strstr(got, "bb4:\n  7:13 goto bb3\n"));
    assert_non_null(strstr(got, "bb3:\n  10:5 decref nullable a\n"
                                "  11:5 decref nullable b\n  12:5 return NULL\n"));
    assert_non_null(strstr(got, "call $t6 = PyTuple_Pack(2, a, b)\n  8:5 return $t6\n"));
    free(got);
}

static void test_unreachable_pruned(void **state)
{
    static const char src[] =
        "int h(int x) {\n"
        "    return x;\n"
        "    x = 2;\n"
        "    return x + 1;\n"
        "}\n";
    char *got = dump_of(*state, src, "h", FE_NOT_EXTENSION);
    expect_dump(got, "function h -> int\n  param x\nbb0:\n  2:5 return x\n");
    free(got);
}

/* Elements of memory name their base, member and index; n - 1 and --x
 * are followed; a member of a struct variable holding an object is a
 * member of that variable. */
static void test_elements(void **state)
{
    static const char src[] =
        "#include <Python.h>\n"
        "typedef struct { PyObject *items; Py_ssize_t n; } Ctx;\n"
        "typedef struct { PyObject_HEAD Py_ssize_t n; PyObject **data; } Stk;\n"
        "PyObject *pop(Stk *s, PyObject **out, Ctx c) {\n"
        "    *out = s->data[--s->n];\n"
        "    s->data[s->n - 1] = c.items;\n"
        "    return out[s->n];\n"
        "}\n";
    char *got = dump_of(*state, src, "pop", FE_OK);
    assert_non_null(strstr(got, "  5:20 assign $t3 = s->n - 1\n"
                                "  5:20 store s->n = $t3\n"));
    assert_non_null(strstr(got, "store *out = s->data[$t3]\n"));
    assert_non_null(strstr(got, "assign $t4 = s->n - 1\n"));
    assert_non_null(strstr(got, "store s->data[$t4] = c.items\n"));
    assert_non_null(strstr(got, "return out[?]\n"));
    free(got);
}

/* Tagged pointers: a small flag ORed in or the low bits masked off leave
 * the same object; reading the low bits is an integer that takes nothing;
 * other masks, and two objects combined, let the object escape. */
static void test_tagged_pointers(void **state)
{
    static const char src[] =
        "#include <Python.h>\n"
        "#include <stdint.h>\n"
        "typedef struct { PyObject_HEAD PyObject *slot; } Box;\n"
        "int tag(Box *b, PyObject *o, PyObject *q, int flag) {\n"
        "    b->slot = (PyObject *)((uintptr_t)o | (flag != 0));\n"
        "    b->slot = (PyObject *)((uintptr_t)o | 1);\n"
        "    PyObject *u = (PyObject *)((uintptr_t)b->slot & ~(uintptr_t)1);\n"
        "    int bit = (int)((uintptr_t)u & 1);\n"
        "    uintptr_t hi = (uintptr_t)q & 0xff00;\n"
        "    uintptr_t both = (uintptr_t)q | (uintptr_t)o;\n"
        "    return bit + (int)hi + (int)both;\n"
        "}\n";
    char *got = dump_of(*state, src, "tag", FE_OK);
    assert_non_null(strstr(got, "  5:5 store b->slot = o\n"));
    assert_non_null(strstr(got, "  6:5 store b->slot = o\n"));
    assert_non_null(strstr(got, "  7:5 assign u = b->slot\n"));
    assert_non_null(strstr(got, "  8:5 assign bit = ?\n"));
    assert_null(strstr(got, "store ? = u"));
    assert_non_null(strstr(got, "store ? = q"));
    assert_non_null(strstr(got, "assign both = ?"));
    free(got);
}

static void test_not_extension(void **state)
{
    fixture *fx = *state;
    char *path = write_snippet(fx, "plain.c", "int add(int a, int b) { return a + b; }\n");
    fe_unit *u = NULL;
    char err[256];
    assert_int_equal(parse(fx, path, &u, err, sizeof err), FE_NOT_EXTENSION);
    assert_int_equal(fe_unit_python_version(u), 0);
    fe_unit_free(u);
    free(path);
}

static void test_python_version(void **state)
{
    fixture *fx = *state;
    char *path = write_snippet(fx, "ext.c", "#include <Python.h>\n");
    fe_unit *u = NULL;
    char err[256];
    assert_int_equal(parse(fx, path, &u, err, sizeof err), FE_OK);
    unsigned v = fe_unit_python_version(u);
    assert_int_equal(v >> 24, 3);
    assert_true(((v >> 16) & 0xff) >= 8);
    fe_unit_free(u);
    free(path);
}

static void test_parse_error(void **state)
{
    fixture *fx = *state;
    char *path = write_snippet(fx, "broken.c", "int f(void) {\n  return 1 +;\n}\n");
    fe_unit *u = NULL;
    char err[1024] = "";
    assert_int_equal(parse(fx, path, &u, err, sizeof err), FE_ERROR);
    assert_null(u);
    char *want = xasprintf("%s:2:", path);
    assert_non_null(strstr(err, want));
    assert_non_null(strstr(err, "error:"));
    free(want);
    free(path);
}

static void test_missing_file(void **state)
{
    fixture *fx = *state;
    fe_unit *u = NULL;
    char err[512] = "";
    assert_int_equal(parse(fx, "/nonexistent/dir/x.c", &u, err, sizeof err), FE_ERROR);
    assert_non_null(strstr(err, "/nonexistent/dir/x.c: cannot read"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_control_flow),
        cmocka_unit_test(test_refcount_macros),
        cmocka_unit_test(test_goto_cleanup),
        cmocka_unit_test(test_unreachable_pruned),
        cmocka_unit_test(test_elements),
        cmocka_unit_test(test_tagged_pointers),
        cmocka_unit_test(test_not_extension),
        cmocka_unit_test(test_python_version),
        cmocka_unit_test(test_parse_error),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests_name("ir", tests, setup, teardown);
}
