/* test_engine.c - unit tests of the path-sensitive engine, independent of
 * libclang: functions are built directly in the IR, API knowledge comes from
 * a small rules text, and the tests check how states split at calls that can
 * fail, how references are transferred, stolen and released, that loops
 * reach a fixed point, that the step budget leaves a note, and the
 * summaries callers use. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/engine.h"
#include "../analyzer/util.h"

static const char test_rules[] =
    "function New          returns=new fails=null\n"
    "function Borrow       returns=borrowed fails=null nonnull=1\n"
    "function Steal        returns=int fails=-1 steals=2 nonnull=1\n"
    "function AddOnSuccess returns=int fails=-1 steals-on-success=2\n"
    "function Use          returns=int fails=-1 nonnull=1\n"
    "function Raise        returns=void raises\n"
    "function Py_DECREF    effect=decref:1\n";

typedef struct result {
    finding_list findings, notes;
    engine_stats stats;
    func_summary summary;
} result;

static api_rules *load_rules(void)
{
    api_rules *r = api_rules_new();
    char err[256];
    assert_int_equal(api_rules_load_text(r, "test", test_rules, err, sizeof err), 0);
    return r;
}

static ir_loc at(unsigned line)
{
    ir_loc l = { line, 5 };
    return l;
}

/* dst = callee(args...) at line; dst may be -1. */
static void call(ir_func *f, int b, int dst, const char *callee, unsigned line,
                 int nargs, ...)
{
    ir_insn *in = ir_append(f, b, INSN_CALL, at(line));
    in->dst = dst;
    in->callee = xstrdup(callee);
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        ir_call_add_arg(in, ir_op_var(va_arg(ap, int)));
    va_end(ap);
}

static void decref(ir_func *f, int b, int var, unsigned line)
{
    ir_insn *in = ir_append(f, b, INSN_DECREF, at(line));
    in->src = ir_op_var(var);
    in->macro = xstrdup("Py_DECREF");
}

/* if (!var) goto if_null; else goto if_set; */
static void branch_null(ir_func *f, int b, int var, int if_null, int if_set,
                        unsigned line)
{
    ir_cond c = ir_cond_make(COND_NONZERO, ir_op_var(var), 0);
    ir_set_branch(f, b, c, if_set, if_null, at(line));
}

static void ret_null(ir_func *f, int b, unsigned line)
{
    ir_set_return(f, b, ir_op_null(), at(line));
}

static ir_func *method(const char *name)
{
    ir_func *f = ir_func_new(name, "t.c");
    f->returns_object = true;
    f->python_facing = true;
    f->loc = at(1);
    ir_add_var(f, "self", VAR_PARAM, true);
    ir_add_var(f, "args", VAR_PARAM, true);
    return f;
}

static void analyze(const ir_func *f, const api_rules *rules,
                    const engine_limits *lim, result *r)
{
    memset(r, 0, sizeof *r);
    engine_output out = { &r->findings, &r->notes, &r->stats, &r->summary };
    engine_analyze(f, rules, NULL, 0, lim, &out);
}

static void result_free(result *r)
{
    finding_list_free(&r->findings);
    finding_list_free(&r->notes);
}

static size_t count_rule(const result *r, const char *rule, unsigned line)
{
    size_t n = 0;
    for (size_t i = 0; i < r->findings.len; i++)
        if (!strcmp(r->findings.items[i].rule, rule) &&
            (!line || r->findings.items[i].line == line))
            n++;
    return n;
}

/* a = New(); b = New(); if (!b) return NULL;  -> leaks a */
static ir_func *classic_leak(void)
{
    ir_func *f = method("classic");
    int a = ir_add_var(f, "a", VAR_LOCAL, true);
    int b = ir_add_var(f, "b", VAR_LOCAL, true);
    int b0 = ir_new_block(f), b1 = ir_new_block(f), b2 = ir_new_block(f);
    int b3 = ir_new_block(f), b4 = ir_new_block(f);
    call(f, b0, a, "New", 2, 0);
    branch_null(f, b0, a, b1, b2, 3);
    ret_null(f, b1, 3);
    call(f, b2, b, "New", 4, 0);
    branch_null(f, b2, b, b3, b4, 5);
    ret_null(f, b3, 5);
    decref(f, b4, a, 6);
    ir_set_return(f, b4, ir_op_var(b), at(7));
    return f;
}

static void test_split_and_leak(void **state)
{
    api_rules *rules = *state;
    ir_func *f = classic_leak();
    result r;
    analyze(f, rules, NULL, &r);
    /* three outcomes: a fails, b fails, both succeed */
    assert_int_equal(r.stats.paths, 3);
    assert_int_equal(r.findings.len, 1);
    finding *fd = &r.findings.items[0];
    assert_string_equal(fd->rule, "ref-leak");
    assert_int_equal(fd->line, 2);
    assert_non_null(strstr(fd->message, "'a'"));
    assert_non_null(strstr(fd->message, "New()"));
    assert_non_null(strstr(fd->message, "line 5"));
    /* the trace runs from the allocation to the failing call */
    assert_true(fd->nsteps >= 3);
    assert_int_equal(fd->steps[0].line, 2);
    assert_non_null(strstr(fd->steps[1].message, "New() fails"));
    assert_int_equal(fd->steps[fd->nsteps - 1].line, 5);
    /* the function returns a new reference or NULL with an exception */
    assert_int_equal(r.summary.ret, RET_NEW);
    assert_int_equal(r.summary.fail, FAIL_NULL);
    result_free(&r);
    ir_func_free(f);
}

/* x = New(); if (!x) return NULL; self->field = x; return NULL-free */
static void test_store_transfers(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("store");
    int x = ir_add_var(f, "x", VAR_LOCAL, true);
    int b0 = ir_new_block(f), b1 = ir_new_block(f), b2 = ir_new_block(f);
    call(f, b0, x, "New", 2, 0);
    branch_null(f, b0, x, b1, b2, 3);
    ret_null(f, b1, 3);
    ir_insn *st = ir_append(f, b2, INSN_STORE, at(4));
    st->target = ir_op_text(OP_FIELD, 0, "field");
    st->src = ir_op_var(x);
    ir_set_return(f, b2, ir_op_none(), at(5));
    f->returns_object = false;
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(count_rule(&r, "ref-leak", 0), 0);
    result_free(&r);
    ir_func_free(f);
}

/* t = New(); x = New(); Steal(t, x); Py_DECREF(x) -> over-release;
 * the steal happens even when Steal fails. */
static void test_steal_then_decref(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("steal");
    int t = ir_add_var(f, "t", VAR_LOCAL, true);
    int x = ir_add_var(f, "x", VAR_LOCAL, true);
    int rc = ir_add_var(f, "rc", VAR_LOCAL, false);
    int b0 = ir_new_block(f), b1 = ir_new_block(f), b2 = ir_new_block(f);
    int b3 = ir_new_block(f), b4 = ir_new_block(f), b5 = ir_new_block(f);
    call(f, b0, t, "New", 2, 0);
    branch_null(f, b0, t, b1, b2, 2);
    ret_null(f, b1, 2);
    call(f, b2, x, "New", 3, 0);
    branch_null(f, b2, x, b3, b4, 3);
    decref(f, b3, t, 3);
    ret_null(f, b3, 3);
    call(f, b4, rc, "Steal", 4, 2, t, x);
    decref(f, b4, x, 5);
    ir_set_goto(f, b4, b5, at(5));
    ir_set_return(f, b5, ir_op_var(t), at(6));
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(count_rule(&r, "ref-overrelease", 5), 1);
    assert_int_equal(count_rule(&r, "ref-leak", 0), 0);
    assert_non_null(strstr(r.findings.items[0].message, "handed over to Steal()"));
    result_free(&r);
    ir_func_free(f);
}

/* x = New(); if (AddOnSuccess(m, x) < 0) return NULL;  -> x leaks when the
 * call fails, since it steals only on success */
static void test_steal_on_success(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("add");
    int x = ir_add_var(f, "x", VAR_LOCAL, true);
    int rc = ir_add_var(f, "rc", VAR_LOCAL, false);
    int b0 = ir_new_block(f), b1 = ir_new_block(f), b2 = ir_new_block(f);
    int b3 = ir_new_block(f), b4 = ir_new_block(f);
    call(f, b0, x, "New", 2, 0);
    branch_null(f, b0, x, b1, b2, 2);
    ret_null(f, b1, 2);
    call(f, b2, rc, "AddOnSuccess", 3, 2, 0, x);
    ir_cond neg = ir_cond_make(COND_NEG, ir_op_var(rc), 0);
    ir_set_branch(f, b2, neg, b3, b4, at(3));
    ret_null(f, b3, 3);
    ir_set_return(f, b4, ir_op_none(), at(4));
    f->returns_object = false;
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(r.findings.len, 1);
    assert_int_equal(count_rule(&r, "ref-leak", 2), 1);
    assert_non_null(strstr(r.findings.items[0].message, "line 3"));
    result_free(&r);
    ir_func_free(f);
}

/* while (opaque) { x = New(); if (!x) return NULL; Py_DECREF(x); }
 * reaches a fixed point with no finding. */
static void test_loop_fixed_point(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("loop");
    int x = ir_add_var(f, "x", VAR_LOCAL, true);
    int head = ir_new_block(f), body = ir_new_block(f), fail = ir_new_block(f);
    int ok = ir_new_block(f), exit = ir_new_block(f);
    (void)head;
    ir_cond opaque = ir_cond_make(COND_OPAQUE, ir_op_text(OP_UNKNOWN, -1, NULL), 0);
    ir_set_branch(f, head, opaque, body, exit, at(2));
    call(f, body, x, "New", 3, 0);
    branch_null(f, body, x, fail, ok, 4);
    ret_null(f, fail, 4);
    decref(f, ok, x, 5);
    ir_set_goto(f, ok, head, at(5));
    ir_set_return(f, exit, ir_op_none(), at(6));
    f->returns_object = false;
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(r.findings.len, 0);
    assert_int_equal(r.notes.len, 0);
    assert_true(r.stats.paths <= 8);
    result_free(&r);
    ir_func_free(f);
}

static void test_budget_leaves_note(void **state)
{
    api_rules *rules = *state;
    ir_func *f = classic_leak();
    engine_limits lim;
    engine_default_limits(&lim);
    lim.max_steps = 2;
    result r;
    analyze(f, rules, &lim, &r);
    assert_int_equal(r.stats.incomplete, 1);
    assert_int_equal(r.notes.len, 1);
    assert_string_equal(r.notes.items[0].rule, "analysis-incomplete");
    assert_string_equal(r.notes.items[0].function, "classic");
    result_free(&r);
    ir_func_free(f);
}

/* Borrow(args) then Py_DECREF of the borrowed result; then Use of a
 * released new reference. */
static void test_overrelease_and_use_after_release(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("misuse");
    int item = ir_add_var(f, "item", VAR_LOCAL, true);
    int x = ir_add_var(f, "x", VAR_LOCAL, true);
    int rc = ir_add_var(f, "rc", VAR_LOCAL, false);
    int b0 = ir_new_block(f), b1 = ir_new_block(f), b2 = ir_new_block(f);
    int b3 = ir_new_block(f);
    call(f, b0, item, "Borrow", 2, 1, 1);
    branch_null(f, b0, item, b1, b2, 2);
    ret_null(f, b1, 2);
    decref(f, b2, item, 3);
    call(f, b2, x, "New", 4, 0);
    branch_null(f, b2, x, b1, b3, 4);
    decref(f, b3, x, 5);
    call(f, b3, rc, "Use", 6, 1, x);
    ir_set_return(f, b3, ir_op_null(), at(7));
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(count_rule(&r, "ref-overrelease", 3), 1);
    assert_int_equal(count_rule(&r, "use-after-release", 6), 1);
    /* returning NULL when Use succeeded: no exception is set */
    assert_int_equal(count_rule(&r, "null-return-no-exception", 7), 1);
    result_free(&r);
    ir_func_free(f);
}

/* x = New(); Use(x) without a check: NULL on the failure path. */
static void test_null_deref(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("unchecked");
    int x = ir_add_var(f, "x", VAR_LOCAL, true);
    int rc = ir_add_var(f, "rc", VAR_LOCAL, false);
    int b0 = ir_new_block(f);
    call(f, b0, x, "New", 2, 0);
    call(f, b0, rc, "Use", 3, 1, x);
    ir_set_return(f, b0, ir_op_var(x), at(4));
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(count_rule(&r, "null-deref", 3), 1);
    const finding *nd = NULL;
    for (size_t i = 0; i < r.findings.len; i++)
        if (!strcmp(r.findings.items[i].rule, "null-deref"))
            nd = &r.findings.items[i];
    assert_non_null(nd);
    assert_non_null(strstr(nd->message, "New() returned NULL"));
    /* when Use() fails, x is returned with its exception still set */
    assert_int_equal(count_rule(&r, "exception-state", 4), 1);
    result_free(&r);
    ir_func_free(f);
}

/* Raise() before returning NULL sets the exception. */
static void test_raise_before_null(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("raises");
    int b0 = ir_new_block(f);
    call(f, b0, -1, "Raise", 2, 0);
    ret_null(f, b0, 3);
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(r.findings.len, 0);
    result_free(&r);
    ir_func *g = method("silent");
    ret_null(g, ir_new_block(g), 2);
    analyze(g, rules, NULL, &r);
    assert_int_equal(count_rule(&r, "null-return-no-exception", 2), 1);
    result_free(&r);
    ir_func_free(f);
    ir_func_free(g);
}

/* The step at line, or NULL. */
static const char *step_at(const finding *fd, unsigned line)
{
    for (size_t i = 0; i < fd->nsteps; i++)
        if (fd->steps[i].line == line)
            return fd->steps[i].message;
    return NULL;
}

/* a = New(); if (!a) return NULL; n = Use(self); if (n <= 0) return NULL;
 * the test n <= 0 is kept as n > 0 with its successors exchanged, and the
 * leak's trace still says that the source's condition held. */
static void test_negated_branch_label(void **state)
{
    api_rules *rules = *state;
    ir_func *f = method("negated");
    int a = ir_add_var(f, "a", VAR_LOCAL, true);
    int n = ir_add_var(f, "n", VAR_LOCAL, false);
    int b0 = ir_new_block(f), b1 = ir_new_block(f), b2 = ir_new_block(f);
    int b3 = ir_new_block(f), b4 = ir_new_block(f);
    call(f, b0, a, "New", 2, 0);
    branch_null(f, b0, a, b1, b2, 3);
    ret_null(f, b1, 3);
    call(f, b2, n, "Use", 4, 1, 0);
    ir_cond c = ir_cond_make(COND_POS, ir_op_var(n), 0);
    c.negated = true;
    ir_set_branch(f, b2, c, b4, b3, at(5));
    ret_null(f, b3, 6);
    decref(f, b4, a, 7);
    ir_set_return(f, b4, ir_op_none(), at(8));
    f->returns_object = false;
    result r;
    analyze(f, rules, NULL, &r);
    assert_int_equal(count_rule(&r, "ref-leak", 2), 1);
    const char *label = NULL;
    for (size_t i = 0; i < r.findings.len; i++)
        if (!strcmp(r.findings.items[i].rule, "ref-leak"))
            label = step_at(&r.findings.items[i], 5);
    assert_non_null(label);
    assert_string_equal(label, "taking the true branch");
    result_free(&r);
    ir_func_free(f);
}

static int setup(void **state)
{
    *state = load_rules();
    return 0;
}

static int teardown(void **state)
{
    api_rules_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_and_leak),
        cmocka_unit_test(test_store_transfers),
        cmocka_unit_test(test_steal_then_decref),
        cmocka_unit_test(test_steal_on_success),
        cmocka_unit_test(test_loop_fixed_point),
        cmocka_unit_test(test_budget_leaves_note),
        cmocka_unit_test(test_overrelease_and_use_after_release),
        cmocka_unit_test(test_null_deref),
        cmocka_unit_test(test_raise_before_null),
        cmocka_unit_test(test_negated_branch_label),
    };
    return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
