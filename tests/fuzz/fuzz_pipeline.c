/* fuzz_pipeline.c - the whole analysis of one file, on a mutated C source:
 * the input is written to a .c file, parsed by the front end
 * (analyzer/frontend.c, libclang) with the Python headers, every function
 * of it lowered to the IR and analysed by the engine and the IR passes with
 * the bundled rules (rules/capi.rules) and the file's own summaries and
 * annotations (as analyzer/unit.c does), its definition tables checked,
 * then everything freed.  Seeds: the files of corpus/ (tests/fuzz/run.sh
 * copies them). */
#include "fuzz_util.h"

#include "../../analyzer/engine.h"
#include "../../analyzer/finding.h"
#include "../../analyzer/frontend.h"
#include "../../analyzer/ir.h"
#include "../../analyzer/tables.h"
#include "../../rules/apirules.h"
#include "../../rules/check_tables.h"
#include "../../rules/passes.h"

#ifndef FUZZ_TOP
#define FUZZ_TOP "."
#endif
#ifndef FUZZ_PYINC
#define FUZZ_PYINC "/usr/include/python3.11"
#endif

static api_rules *rules;
static frontend *fe;
static const char *src_path;
static const char *args[8];
static int nargs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* libclang's crash recovery installs signal handlers of its own */
    setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
    char err[1024];
    rules = api_rules_new();
    const char *rules_file = getenv("FUZZ_RULES");
    if (!rules_file)
        rules_file = FUZZ_TOP "/rules/capi.rules";
    if (api_rules_load_file(rules, rules_file, err, sizeof err)) {
        fprintf(stderr, "fuzz_pipeline: %s\n", err);
        abort();
    }
    fe = frontend_new(rules);
    src_path = fuzz_tmp_init("input.c");
    for (const char *const *a = frontend_annotation_args(); *a && nargs < 6; a++)
        args[nargs++] = *a;
    args[nargs++] = "-I" FUZZ_PYINC;
    return 0;
}

typedef struct funcs {
    ir_func **items;
    size_t len, cap;
} funcs;

static int collect(ir_func *f, void *ctx)
{
    funcs *fs = ctx;
    if (fs->len == fs->cap) {
        fs->cap = fs->cap ? 2 * fs->cap : 16;
        fs->items = realloc(fs->items, fs->cap * sizeof *fs->items);
        if (!fs->items)
            abort();
    }
    fs->items[fs->len++] = f;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(data, size);
    fe_unit *u = NULL;
    char err[2048];
    fe_status st = frontend_parse(fe, src_path, args, nargs, &u, err, sizeof err);
    if (st != FE_OK) {
        fe_unit_free(u);
        return 0;
    }
    unsigned pyver = fe_unit_python_version(u);
    funcs fs = { NULL, 0, 0 };
    fe_unit_lower_functions(u, collect, &fs);
    api_rules *local = api_rules_new();
    fe_unit_annotations(u, local);
    finding_list findings = { NULL, 0, 0 }, notes = { NULL, 0, 0 };
    engine_stats stats;
    memset(&stats, 0, sizeof stats);
    for (size_t i = 0; i < fs.len; i++) {
        ir_func *f = fs.items[i];
        func_summary sum;
        memset(&sum, 0, sizeof sum);
        engine_output eo = { .findings = &findings, .notes = &notes,
                             .stats = &stats, .summary = &sum };
        engine_analyze(f, rules, local, pyver, NULL, &eo);
        pass_ctx pc = { .f = f, .rules = rules, .local = local,
                        .python_version = pyver, .out = &findings };
        passes_run(&pc);
        /* the function's summary for the callers analysed after it, with
         * its annotation overriding what it states (as unit.c does) */
        api_rule r;
        memset(&r, 0, sizeof r);
        r.name = f->name;
        r.origin = (char *)"summary";
        r.ret = sum.ret == RET_OTHER && f->returns_object ? RET_NEW : sum.ret;
        r.fail = sum.fail;
        r.null_ok = sum.null_ok;
        r.steals = sum.steals;
        r.may_raise = sum.may_raise;
        const api_rule *annotated = api_rules_find(local, f->name, false);
        if (annotated && !strcmp(annotated->origin, "annotation")) {
            r.steals |= annotated->steals;
            if (annotated->ret == RET_BORROWED)
                r.ret = RET_BORROWED;
            r.origin = (char *)"annotation";
        }
        api_rules_put(local, &r);
    }
    def_table_list tables = { NULL, 0, 0 };
    fe_unit_tables(u, &tables);
    check_tables(&tables, src_path, &findings);
    def_tables_free(&tables);
    finding_list_sort(&findings);
    finding_list_free(&findings);
    finding_list_free(&notes);
    api_rules_free(local);
    for (size_t i = 0; i < fs.len; i++)
        ir_func_free(fs.items[i]);
    free(fs.items);
    fe_unit_free(u);
    return 0;
}
