/* unit.c - one translation unit from source to findings. */
#include "unit.h"

#include <clang-c/Index.h>
#include <limits.h>
#include <stdlib.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suppress.h"
#include "tables.h"
#include "../rules/check_gc.h"
#include "../rules/field_owners.h"
#include "../rules/init_globals.h"
#include "../rules/check_tables.h"
#include "../rules/passes.h"
#include "util.h"

/* ---- interprocedural order: callees before callers ---- */

typedef struct func_set {
    ir_func **items;
    size_t len, cap;
} func_set;

static int collect_function(ir_func *f, void *data)
{
    func_set *fs = data;
    ARRAY_PUSH(fs->items, fs->len, fs->cap, f);
    return 0;
}

static int find_function(const func_set *fs, const char *name)
{
    for (size_t i = 0; name && i < fs->len; i++)
        if (!strcmp(fs->items[i]->name, name))
            return (int)i;
    return -1;
}

enum { MARK_NONE, MARK_ACTIVE, MARK_DONE };

/* Depth-first post-order over calls to functions of the same file; a call
 * back into an active function (recursion) is not followed. */
static void order_from(const func_set *fs, size_t i, unsigned char *mark,
                       size_t *order, size_t *n)
{
    mark[i] = MARK_ACTIVE;
    const ir_func *f = fs->items[i];
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t k = 0; k < f->blocks[b].ninsns; k++) {
            const ir_insn *in = &f->blocks[b].insns[k];
            int callee = in->kind == INSN_CALL ? find_function(fs, in->callee) : -1;
            if (callee >= 0 && mark[callee] == MARK_NONE)
                order_from(fs, (size_t)callee, mark, order, n);
        }
    mark[i] = MARK_DONE;
    order[(*n)++] = i;
}

/* A one-statement accessor of a table in global memory: a getter reads
 * the item of a slot, borrowed; a setter puts its value into the slot
 * without releasing the old item, as item-get / item-set calls do.  The
 * table's name is borrowed from f until the rule is put in a table. */
static void table_accessor_rule(const ir_func *f, api_rule *r)
{
    /* a getter returns the slot's object borrowed; a setter takes its
     * value over (a table of back-pointers holds no references: nothing
     * is handed to the caller when a slot of it is overwritten) */
    bool ok = f->table_value ? (r->steals >> (f->table_value - 1)) & 1u
                             : r->ret == RET_BORROWED;
    if (!f->table_slot || f->incomplete || !ok)
        return;
    r->table = f->table_slot;
    r->table_index = f->table_index;
    r->item_get = !f->table_value;
    r->item_set = f->table_value != 0;
}

static void summary_to_rule(const ir_func *f, const func_summary *s,
                            api_rule *r)
{
    memset(r, 0, sizeof *r);
    r->name = f->name;
    r->origin = (char *)"summary";
    r->ret = s->ret == RET_OTHER && f->returns_object ? RET_NEW : s->ret;
    r->fail = s->fail;
    r->null_ok = s->null_ok;
    r->steals = s->steals;
    r->steals_on_failure = s->steals_on_failure;
    r->steals_on_success = s->steals_on_success;
    r->zero_iff_arg = s->zero_iff_arg;
    r->nonzero_if_arg = s->nonzero_if_arg;
    r->null_if_arg = s->null_if_arg;
    r->returns_zero = s->returns_zero;
    /* a status helper's success is 0; any other int helper's success
     * result may be a count or a truth value */
    r->returns_value = !s->success_zero;
    r->or_static = s->or_static;
    r->two_refs = s->two_refs;
    r->returns_arg = s->ret_arg;
    r->fresh = s->fresh;
    r->never_is = (char *)s->never_is;
    r->may_raise = s->may_raise;
    r->raises = s->raises;
    table_accessor_rule(f, r);
}

/* Has the file's time budget (seconds, 0: none) run out? */
static bool over_file_budget(const struct timespec *start, long budget)
{
    if (budget <= 0)
        return false;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec - start->tv_sec >= budget;
}

/* A function left out because the file ran out of time: a note says so. */
static void skip_function(const ir_func *f, finding_list *notes,
                          engine_stats *stats)
{
    engine_note_incomplete(f, notes, "it was not analysed: the file's time "
                                     "budget ran out (--file-budget)");
    stats->functions++;
    stats->incomplete++;
}

/* Analyse f for its summary in sum, as one of the file's own functions
 * (findings and notes to the caller) or as a helper from an included file
 * (what is found there is dropped). */
static void analyze_for_summary(ir_func *f, const api_rules *rules,
                                const api_rules *local, unsigned python_version,
                                finding_list *out, finding_list *notes,
                                engine_stats *stats, func_summary *sum)
{
    if (!f->summary_only) {
        engine_output eo = { out, notes, stats, sum };
        engine_analyze(f, rules, local, python_version, NULL, &eo);
        pass_ctx pc = { f, rules, local, python_version, out };
        passes_run(&pc);
        return;
    }
    finding_list dropped = { 0 };
    engine_stats unused = { 0, 0, 0 };
    engine_output eo = { &dropped, NULL, &unused, sum };
    engine_analyze(f, rules, local, python_version, NULL, &eo);
    finding_list_free(&dropped);
}

/* The garbage collector's protocol, over the file's types and all its
 * functions at once. */
static void check_gc_unit(unit_ctx *uc, const func_set *all,
                          const type_def_list *types,
                          const def_table_list *tables, unsigned python_version,
                          finding_list *out)
{
    func_set own = { NULL, 0, 0 };   /* the main file's functions */
    for (size_t i = 0; i < all->len; i++)
        if (!all->items[i]->summary_only)
            ARRAY_PUSH(own.items, own.len, own.cap, all->items[i]);
    const func_set *fs = &own;
    gc_unit g = { fs->items, fs->len, types, tables, uc->rules,
                  python_version, fs->len ? fs->items[0]->file : "", out, NULL };
    if (types->len && fs->len)
        check_gc(&g);
    free(own.items);
}

/* Does a function of the set call the one named name? */
static bool called_in_file(const func_set *fs, const char *name)
{
    for (size_t i = 0; i < fs->len; i++)
        if (ir_func_calls(fs->items[i], name))
            return true;
    return false;
}

/* An exported function that the file calls directly, and whose address it
 * does not take, is a C helper shared with the extension's other files
 * (get_packer(encoder, mode)), not an entry point of Python's: its
 * parameters follow the contract its summary finds. */
static void mark_c_helpers(const func_set *fs)
{
    for (size_t i = 0; i < fs->len; i++) {
        ir_func *f = fs->items[i];
        if (f->python_facing && !f->is_static && !f->address_taken &&
            strncmp(f->name, "PyInit_", 7) && called_in_file(fs, f->name))
            f->python_facing = false;
    }
}

/* The functions that are some type's tp_iternext or tp_dealloc. */
static void mark_slot_functions(const func_set *fs, const type_def_list *types)
{
    for (size_t t = 0; t < types->len; t++) {
        const char *next = types->items[t].slot[TSLOT_ITERNEXT];
        const char *dealloc = types->items[t].slot[TSLOT_DEALLOC];
        for (size_t i = 0; i < fs->len; i++) {
            ir_func *f = fs->items[i];
            f->iternext |= next && !strcmp(f->name, next);
            f->dealloc |= dealloc && !strcmp(f->name, dealloc);
        }
    }
}

static void analyze_unit(fe_unit *u, unit_ctx *uc, unsigned python_version,
                         const def_table_list *tables, finding_list *out,
                         finding_list *notes, engine_stats *stats)
{
    func_set fs = { NULL, 0, 0 };
    fe_unit_lower_functions(u, collect_function, &fs);
    mark_borrowed_members(fs.items, fs.len, uc->rules, python_version);
    mark_member_increfs(fs.items, fs.len);
    mark_init_globals(fs.items, fs.len);
    mark_c_helpers(&fs);
    type_def_list types = { NULL, 0, 0 };
    fe_unit_types(u, &types);
    mark_slot_functions(&fs, &types);
    unsigned char *mark = xcalloc(fs.len + 1, 1);
    size_t *order = xmalloc((fs.len + 1) * sizeof *order), n = 0;
    /* the main file's functions, and the included helpers they call: one
     * no function of the main file reaches needs no summary */
    for (size_t i = 0; i < fs.len; i++)
        if (mark[i] == MARK_NONE && !fs.items[i]->summary_only)
            order_from(&fs, i, mark, order, &n);
    api_rules *local = api_rules_new();
    fe_unit_annotations(u, local);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (size_t k = 0; k < n; k++) {
        ir_func *f = fs.items[order[k]];
        if (over_file_budget(&start, uc->o ? uc->o->file_budget : 0)) {
            if (!f->summary_only)
                skip_function(f, notes, stats);
            continue;
        }
        func_summary sum;
        analyze_for_summary(f, uc->rules, local, python_version, out, notes,
                            stats, &sum);
        api_rule r;
        summary_to_rule(f, &sum, &r);
        /* an annotation is the contract: it overrides what it states */
        const api_rule *annotated = api_rules_find(local, f->name, false);
        if (annotated && !strcmp(annotated->origin, "annotation")) {
            r.steals |= annotated->steals;
            if (annotated->ret == RET_BORROWED)
                r.ret = RET_BORROWED;
            r.origin = (char *)"annotation";
        }
        api_rules_put(local, &r);
    }
    api_rules_free(local);
    check_gc_unit(uc, &fs, &types, tables, python_version, out);
    type_defs_free(&types);
    for (size_t i = 0; i < fs.len; i++)
        ir_func_free(fs.items[i]);
    free(fs.items);
    free(mark);
    free(order);
}

static bool is_cython_output(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return false;
    char head[512];
    size_t n = fread(head, 1, sizeof head - 1, fp);
    fclose(fp);
    head[n] = '\0';
    return strstr(head, "Generated by Cython") != NULL;
}

/* Drop the findings of rules that do not apply to path. */
static void filter_rules(finding_list *fl, const ruleset *rs, const char *path)
{
    size_t k = 0;
    for (size_t i = 0; i < fl->len; i++) {
        if (ruleset_allows(rs, fl->items[i].rule, path))
            fl->items[k++] = fl->items[i];
        else
            finding_clear(&fl->items[i]);
    }
    fl->len = k;
}

/* Mark suppressed findings; note unused suppressions when asked.  Returns
 * -1 on a malformed suppression comment. */
static int apply_suppressions(unit_ctx *uc, const char *path, const char *text,
                              item_result *r, FILE *log)
{
    char err[512];
    suppression_list sl = { NULL, 0, 0 };
    int rc = suppress_scan(path, text, &sl, err, sizeof err);
    if (rc) {
        fprintf(log, "%s\n", err);
    } else {
        suppress_apply(&sl, &r->findings);
        for (size_t i = 0; uc->o->report_unused_ignores && i < sl.len; i++)
            if (!sl.items[i].used) {
                fprintf(log, "%s:%u: warning: this suppression matches no "
                        "finding [unused-ignore]\n", path, sl.items[i].line);
                r->unused++;
            }
    }
    suppress_free(&sl);
    return rc;
}

/* Filter by rule, hash the content, apply suppressions. */
static void finish_findings(unit_ctx *uc, const char *path, item_result *r,
                            FILE *log)
{
    size_t len = 0;
    char *text = read_file(path, &len);
    if (text)
        hash_hex(text, len, r->hash);
    filter_rules(&r->findings, uc->rs, path);
    if (text && apply_suppressions(uc, path, text, r, log))
        r->bad_suppression = true;
    free(text);
    finding_list_sort(&r->findings);
}

const char *hash_cache_get(hash_cache *c, const char *path)
{
    for (size_t i = 0; i < c->len; i++)
        if (!strcmp(c->items[i].path, path))
            return c->items[i].hash;
    dep_hash d = { xstrdup(path), "" };
    size_t len = 0;
    char *text = read_file(path, &len);
    if (text)
        hash_hex(text, len, d.hash);
    free(text);
    ARRAY_PUSH(c->items, c->len, c->cap, d);
    return c->items[c->len - 1].hash;
}

void hash_cache_free(hash_cache *c)
{
    for (size_t i = 0; i < c->len; i++)
        free(c->items[i].path);
    free(c->items);
    memset(c, 0, sizeof *c);
}

typedef struct dep_collect {
    unit_ctx *uc;
    item_result *r;
} dep_collect;

static void add_dep_path(dep_collect *dc, const char *path);

static void add_dep(const char *given, void *ctx)
{
    dep_collect *dc = ctx;
    /* absolute: the compile may run in another directory than the scan */
    char *real = realpath(given, NULL);
    const char *path = real ? real : given;
    add_dep_path(dc, path);
    free(real);
}

static void add_dep_path(dep_collect *dc, const char *path)
{
    for (size_t i = 0; i < dc->r->ndeps; i++)
        if (!strcmp(dc->r->deps[i].path, path))
            return;
    dep_hash d;
    d.path = xstrdup(path);
    snprintf(d.hash, sizeof d.hash, "%s", hash_cache_get(dc->uc->hashes, path));
    ARRAY_PUSH(dc->r->deps, dc->r->ndeps, dc->r->capdeps, d);
}

static void analyse_parsed(unit_ctx *uc, fe_unit *fu, const char *path,
                           item_result *r, FILE *log)
{
    if (uc->hashes) {
        dep_collect dc = { uc, r };
        fe_unit_includes(fu, add_dep, &dc);
    }
    def_table_list tables = { NULL, 0, 0 };
    fe_unit_tables(fu, &tables);
    analyze_unit(fu, uc, fe_unit_python_version(fu), &tables, &r->findings,
                 &r->notes, &r->stats);
    check_tables(&tables, path, &r->findings);
    def_tables_free(&tables);
    for (size_t i = 0; i < r->notes.len; i++)
        fprintf(log, "%s:%u: note: %s\n", r->notes.items[i].file,
                r->notes.items[i].line, r->notes.items[i].message);
    finish_findings(uc, path, r, log);
}

void unit_analyze(unit_ctx *uc, const work_item *it, item_result *r)
{
    memset(r, 0, sizeof *r);
    r->file = xstrdup(it->file);
    char *logbuf = NULL;
    size_t loglen = 0;
    FILE *log = open_memstream(&logbuf, &loglen);
    if (is_cython_output(it->file)) {
        fprintf(log, "%s: note: generated by Cython, skipped\n", it->file);
        r->status = ITEM_GENERATED;
    } else {
        char cwd[PATH_MAX], err[2048];
        bool moved = it->dir && getcwd(cwd, sizeof cwd) && chdir(it->dir) == 0;
        fe_unit *fu = NULL;
        fe_status st = frontend_parse(uc->fe, it->file,
                                      (const char *const *)it->args,
                                      (int)it->nargs, &fu, err, sizeof err);
        if (st == FE_ERROR) {
            fprintf(log, "%s\n", err);
            r->status = ITEM_ERROR;
        } else if (st == FE_NOT_EXTENSION) {
            r->status = ITEM_NOT_EXTENSION;
        } else {
            r->status = ITEM_ANALYSED;
            analyse_parsed(uc, fu, it->file, r, log);
        }
        fe_unit_free(fu);
        if (moved && chdir(cwd) != 0)
            fprintf(log, "pyrefcheck: cannot return to %s\n", cwd);
    }
    fclose(log);
    if (loglen)
        r->log = logbuf;
    else
        free(logbuf);
}

void item_result_free(item_result *r)
{
    free(r->file);
    free(r->log);
    finding_list_free(&r->findings);
    finding_list_free(&r->notes);
    for (size_t i = 0; i < r->ndeps; i++)
        free(r->deps[i].path);
    free(r->deps);
    memset(r, 0, sizeof *r);
}
