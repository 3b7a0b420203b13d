/* scan.c - the scan and dump-ir commands: settings (configuration file
 * and options), the run in the database, analysing the translation units
 * (workers.h), recording each file's results in one transaction, the
 * baseline comparison, and the printed report and exit code. */
#include "scan.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "unit.h"
#include "util.h"
#include "workers.h"
#include "workset.h"
#include "../rules/ruleset.h"

/* ---- rules ---- */

static char *exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    return xstrdup(buf);
}

/* The bundled rules: $PYREFCHECK_DATADIR, the install location next to the
 * binary, or the source tree the binary was built in. */
static char *find_bundled_rules(void)
{
    const char *env = getenv("PYREFCHECK_DATADIR");
    if (env && *env)
        return xasprintf("%s/capi.rules", env);
    char *dir = exe_dir();
    if (!dir)
        return xstrdup("rules/capi.rules");
    const char *rel[] = { "../share/pyrefcheck/capi.rules", "../rules/capi.rules" };
    for (size_t i = 0; i < 2; i++) {
        char *p = xasprintf("%s/%s", dir, rel[i]);
        if (access(p, R_OK) == 0) {
            free(dir);
            return p;
        }
        free(p);
    }
    char *p = xasprintf("%s/%s", dir, rel[0]);
    free(dir);
    return p;
}

api_rules *scan_load_rules(const cli_options *o, const config *cfg, char *err,
                           size_t errlen)
{
    api_rules *r = api_rules_new();
    char *bundled = find_bundled_rules();
    int rc = api_rules_load_file(r, bundled, err, errlen);
    free(bundled);
    for (size_t i = 0; rc == 0 && cfg && i < cfg->nrules; i++)
        rc = api_rules_load_file(r, cfg->rules_files[i], err, errlen);
    for (size_t i = 0; rc == 0 && i < o->nrules; i++)
        rc = api_rules_load_file(r, o->rules_files[i], err, errlen);
    if (rc) {
        api_rules_free(r);
        return NULL;
    }
    return r;
}

/* A hash of the text of every rules file in use. */
static void rules_text_hash(const cli_options *o, const config *cfg,
                            char out[17])
{
    char *bundled = find_bundled_rules();
    char *text = read_file(bundled, NULL);
    char *all = xasprintf("%s", text ? text : "");
    free(text);
    free(bundled);
    const char *const *lists[] = { (const char *const *)cfg->rules_files, o->rules_files };
    size_t counts[] = { cfg->nrules, o->nrules };
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            char *t = read_file(lists[k][i], NULL);
            char *joined = xasprintf("%s\n%s", all, t ? t : "");
            free(t);
            free(all);
            all = joined;
        }
    hash_hex(all, strlen(all), out);
    free(all);
}

/* ---- recording results ---- */

typedef struct scan_totals {
    size_t files, skipped, errors, findings, suppressed, unused;
    engine_stats stats;
} scan_totals;

typedef struct scan_run {
    const cli_options *o;
    store *db;
    int64_t run;
    scan_totals tot;
    finding_list all;
    int failed;
    size_t done, total;       /* files recorded so far, of total */
    bool progress;            /* stderr is a terminal: show progress */
    char (*keys)[17];         /* per item: the settings it is analysed with */
    int64_t *reuse;           /* per item: earlier analysis to carry over */
    size_t reused;
} scan_run;

static void count_result(scan_totals *t, const item_result *r)
{
    switch (r->status) {
    case ITEM_ANALYSED: t->files++; break;
    case ITEM_ERROR: t->errors++; break;
    default: t->skipped++; break;
    }
    t->errors += r->bad_suppression;
    t->unused += r->unused;
    t->findings += r->findings.len;
    for (size_t i = 0; i < r->findings.len; i++)
        t->suppressed += r->findings.items[i].suppressed;
    t->stats.functions += r->stats.functions;
    t->stats.incomplete += r->stats.incomplete;
    t->stats.paths += r->stats.paths;
}

/* Clear the progress line before anything else is printed. */
static void end_progress(scan_run *sr)
{
    if (sr->progress && sr->done)
        fputs("\r\033[K", stderr);
}

/* One file's results: printed log, one transaction in the database. */
static void record_result(size_t index, item_result *r, void *ctx)
{
    scan_run *sr = ctx;
    if (r->log) {
        end_progress(sr);
        fputs(r->log, stderr);
    }
    count_result(&sr->tot, r);
    store_dep *deps = xcalloc(r->ndeps + 1, sizeof *deps);
    for (size_t i = 0; i < r->ndeps; i++) {
        deps[i].path = r->deps[i].path;
        memcpy(deps[i].hash, r->deps[i].hash, sizeof deps[i].hash);
    }
    file_record rec = { r->file, r->hash, sr->keys ? sr->keys[index] : NULL,
                        deps, r->ndeps };
    int rc = r->status == ITEM_ANALYSED
                 ? store_add_file_record(sr->db, sr->run, &rec, &r->findings, &r->notes)
                 : 0;
    free(deps);
    if (rc != 0) {
        fprintf(stderr, "pyrefcheck: cannot store the findings of %s: %s\n",
                r->file, store_errmsg(sr->db));
        sr->failed = 1;
    }
    for (size_t i = 0; i < r->findings.len; i++)
        finding_list_push(&sr->all, &r->findings.items[i]);
    r->findings.len = 0;
    sr->done++;
    if (sr->progress)
        fprintf(stderr, "\r\033[K[%zu/%zu] %s (%zu findings so far)", sr->done,
                sr->total, r->file, sr->tot.findings);
    item_result_free(r);
}


/* ---- the report ---- */

static void print_summary(const cli_options *o, const scan_totals *t,
                          int64_t run, size_t baselined, size_t reused)
{
    char extra[192] = "";
    if (t->suppressed || baselined)
        snprintf(extra, sizeof extra, ", %zu suppressed, %zu in the baseline",
                 t->suppressed, baselined);
    if (reused)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
                 ", %zu unchanged since an earlier scan", reused);
    fprintf(stderr,
            "pyrefcheck: %zu finding%s in %zu file%s (%u functions analysed, "
            "%u incomplete, %zu skipped, %zu with errors%s); run %lld stored in %s\n",
            t->findings, t->findings == 1 ? "" : "s", t->files,
            t->files == 1 ? "" : "s", t->stats.functions, t->stats.incomplete,
            t->skipped, t->errors, extra, (long long)run, o->db_path);
}

/* The baseline: the file given, else the database's. */
static int load_baseline(store *db, const char *file, baseline *b, char *err,
                         size_t errlen)
{
    if (file)
        return baseline_read(b, file, err, errlen);
    finding_list known = { NULL, 0, 0 };
    int rc = store_baseline_load(db, &known);
    if (rc)
        snprintf(err, errlen, "cannot read the baseline from the database");
    else
        baseline_from_findings(b, &known);
    finding_list_free(&known);
    return rc;
}

int scan_apply_baseline(store *db, const char *file, finding_list *fl,
                        size_t *dropped)
{
    char err[512];
    baseline b = { NULL, 0, 0 };
    int rc = load_baseline(db, file, &b, err, sizeof err);
    if (rc)
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
    baseline_mark(&b, fl);
    size_t k = 0, n = 0;
    for (size_t i = 0; i < fl->len; i++) {
        if (fl->items[i].baselined) {
            finding_clear(&fl->items[i]);
            n++;
        } else {
            fl->items[k++] = fl->items[i];
        }
    }
    fl->len = k;
    baseline_free(&b);
    if (dropped)
        *dropped = n;
    return rc;
}

/* Print what the run found; returns the exit code. */
static int finish_run(scan_run *sr, const char *baseline_file)
{
    const cli_options *o = sr->o;
    size_t baselined = 0;
    if (o->new_only &&
        scan_apply_baseline(sr->db, baseline_file, &sr->all, &baselined) != 0)
        sr->failed = 1;
    finding_list_sort(&sr->all);
    char cwd[PATH_MAX];
    report_info info = { PYREFCHECK_VERSION, getcwd(cwd, sizeof cwd) ? cwd : NULL };
    if (report_write(stdout, o->format, &sr->all, &info) != 0)
        sr->failed = 1;
    fflush(stdout);
    print_summary(o, &sr->tot, sr->run, baselined, sr->reused);
    return sr->failed || sr->tot.errors ? EXIT_TOOL_ERROR
           : finding_list_count_unsuppressed(&sr->all) || sr->tot.unused ? EXIT_FINDINGS
           : EXIT_CLEAN;
}

/* ---- settings ---- */

static int load_settings(const cli_options *o, ruleset *rs, config *cfg)
{
    char err[1024];
    memset(cfg, 0, sizeof *cfg);
    if (!o->no_config && config_load(cfg, rs, o->config, err, sizeof err)) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return -1;
    }
    const strv *lists[] = { &o->enable, &o->disable };
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < lists[k]->n; i++) {
            int rc = k == 0 ? ruleset_enable(rs, NULL, lists[k]->v[i], err, sizeof err)
                            : ruleset_disable(rs, NULL, lists[k]->v[i], err, sizeof err);
            if (rc) {
                fprintf(stderr, "pyrefcheck: error: --%s: %s\n",
                        k == 0 ? "enable" : "disable", err);
                return -1;
            }
        }
    for (size_t i = 0; i < o->exclude.n; i++)
        ruleset_exclude(rs, o->exclude.v[i]);
    return 0;
}

static size_t job_count(const cli_options *o)
{
    if (o->jobs > 0)
        return (size_t)o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

/* ---- incremental scans ---- */

/* A hash of everything besides the sources that decides a file's
 * findings: tool version, rules, settings, the file's compile. */
static void settings_key(const cli_options *o, const config *cfg,
                         const api_rules *rules, char out[17])
{
    char *text = xasprintf("%s|%zu|%d|%s", PYREFCHECK_VERSION,
                           api_rules_count(rules), o->report_unused_ignores,
                           cfg->path ? cfg->path : "");
    char *cfg_text = cfg->path ? read_file(cfg->path, NULL) : NULL;
    const strv *lists[] = { &o->enable, &o->disable, &o->exclude };
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < lists[k]->n; i++) {
            char *t = xasprintf("%s|%d:%s", text, k, lists[k]->v[i]);
            free(text);
            text = t;
        }
    char rules_hash[17], exe_hash[17] = "";
    rules_text_hash(o, cfg, rules_hash);
    size_t exe_len = 0;
    char *exe = read_file("/proc/self/exe", &exe_len);   /* this very build */
    if (exe)
        hash_hex(exe, exe_len, exe_hash);
    free(exe);
    char *all = xasprintf("%s|%s|%s|%s", text, cfg_text ? cfg_text : "",
                          rules_hash, exe_hash);
    hash_hex(all, strlen(all), out);
    free(all);
    free(text);
    free(cfg_text);
}

static void item_key(const char *settings, const work_item *it, char out[17])
{
    char *text = xasprintf("%s|%s", settings, it->dir ? it->dir : "");
    for (size_t i = 0; i < it->nargs; i++) {
        char *t = xasprintf("%s|%s", text, it->args[i]);
        free(text);
        text = t;
    }
    hash_hex(text, strlen(text), out);
    free(text);
}

/* May item i's earlier results be carried over?  Its content, settings
 * and every file it included must be unchanged. */
static int64_t reusable(scan_run *sr, const work_item *it, size_t i,
                        hash_cache *hc)
{
    int64_t file_id = 0;
    store_dep *deps = NULL;
    size_t ndeps = 0;
    const char *hash = hash_cache_get(hc, it->file);
    if (!*hash || store_find_cached(sr->db, it->file, hash, sr->keys[i],
                                    &file_id, &deps, &ndeps) != 0)
        return 0;
    for (size_t k = 0; file_id && k < ndeps; k++)
        if (strcmp(hash_cache_get(hc, deps[k].path), deps[k].hash))
            file_id = 0;
    store_deps_free(deps, ndeps);
    return file_id;
}

static void plan_reuse(scan_run *sr, const work_list *w, const char *settings)
{
    hash_cache hc = { NULL, 0, 0 };
    sr->keys = xcalloc(w->len + 1, sizeof *sr->keys);
    sr->reuse = xcalloc(w->len + 1, sizeof *sr->reuse);
    for (size_t i = 0; i < w->len; i++) {
        item_key(settings, &w->items[i], sr->keys[i]);
        if (!sr->o->no_incremental)
            sr->reuse[i] = reusable(sr, &w->items[i], i, &hc);
    }
    hash_cache_free(&hc);
}

static int skip_reused(size_t index, void *ctx)
{
    scan_run *sr = ctx;
    return sr->reuse && sr->reuse[index] != 0;
}

/* Carry the reusable files' results into this run. */
static void carry_over(scan_run *sr, const work_list *w)
{
    for (size_t i = 0; i < w->len; i++) {
        if (!sr->reuse[i])
            continue;
        finding_list fl = { NULL, 0, 0 };
        if (store_carry_over(sr->db, sr->reuse[i], sr->run, &fl) != 0) {
            fprintf(stderr, "pyrefcheck: cannot carry over the results of %s\n",
                    w->items[i].file);
            sr->failed = 1;
        }
        sr->tot.files++;
        sr->reused++;
        sr->tot.findings += fl.len;
        for (size_t k = 0; k < fl.len; k++) {
            sr->tot.suppressed += fl.items[k].suppressed;
            finding_list_push(&sr->all, &fl.items[k]);
        }
        free(fl.items);
    }
}

static int scan_db(const cli_options *o, unit_ctx *uc, const work_list *w,
                   const char *command_line, const char *baseline_file,
                   const char *settings)
{
    char err[1024];
    scan_run sr;
    memset(&sr, 0, sizeof sr);
    sr.o = o;
    if (store_open(o->db_path, &sr.db, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    char cwd[PATH_MAX];
    int code = EXIT_TOOL_ERROR;
    if (store_begin_run(sr.db, PYREFCHECK_VERSION, command_line,
                        getcwd(cwd, sizeof cwd) ? cwd : "", &sr.run) == 0) {
        plan_reuse(&sr, w, settings);
        carry_over(&sr, w);
        sr.total = w->len;
        sr.done = sr.reused;
        sr.progress = isatty(STDERR_FILENO) != 0;
        if (workers_run(w, job_count(o), uc, skip_reused, record_result, &sr) != 0)
            sr.failed = 1;
        end_progress(&sr);
        code = finish_run(&sr, baseline_file);
        store_end_run(sr.db, sr.run, code);
    } else {
        fprintf(stderr, "pyrefcheck: error: cannot record the run in %s\n",
                o->db_path);
    }
    finding_list_free(&sr.all);
    free(sr.keys);
    free(sr.reuse);
    store_close(sr.db);
    return code;
}

int scan_main(const cli_options *o, const char *command_line)
{
    char err[1024];
    ruleset *rs = ruleset_new();
    config cfg;
    api_rules *rules = NULL;
    work_list w = { NULL, 0, 0 };
    int code = EXIT_TOOL_ERROR;
    if (load_settings(o, rs, &cfg) != 0)
        goto done;
    rules = scan_load_rules(o, &cfg, err, sizeof err);
    if (!rules) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        goto done;
    }
    if (workset_collect(o, cfg.python_include, &w) != 0)
        goto done;
    workset_drop_excluded(&w, rs);
    workset_shard(&w, o->shard, o->nshards);
    unit_ctx uc = { o, rules, rs, NULL, NULL };
    char settings[17];
    settings_key(o, &cfg, rules, settings);
    code = scan_db(o, &uc, &w, command_line,
                   o->baseline_file ? o->baseline_file : cfg.baseline_file,
                   settings);
done:
    work_list_free(&w);
    api_rules_free(rules);
    config_free(&cfg);
    ruleset_free(rs);
    return code;
}

/* ---- dump-ir ---- */

static int dump_function(ir_func *f, void *data)
{
    ir_dump(f, data);
    fputc('\n', data);
    ir_func_free(f);
    return 0;
}

int dump_ir_main(const cli_options *o)
{
    char err[2048];
    api_rules *rules = scan_load_rules(o, NULL, err, sizeof err);
    if (!rules) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    work_list w = { NULL, 0, 0 };
    char *pyinc = workset_python_include(o, NULL);
    workset_add_file(&w, o->inputs[0], pyinc, o);
    free(pyinc);
    frontend *fe = frontend_new(rules);
    fe_unit *u = NULL;
    const work_item *it = &w.items[0];
    int code = EXIT_CLEAN;
    if (frontend_parse(fe, it->file, (const char *const *)it->args,
                       (int)it->nargs, &u, err, sizeof err) == FE_ERROR) {
        fprintf(stderr, "%s\n", err);
        code = EXIT_TOOL_ERROR;
    } else if (o->function) {
        ir_func *f = fe_unit_lower_function(u, o->function);
        if (f)
            dump_function(f, stdout);
        else {
            fprintf(stderr, "pyrefcheck: error: no function '%s' in %s\n",
                    o->function, it->file);
            code = EXIT_TOOL_ERROR;
        }
    } else {
        fe_unit_lower_functions(u, dump_function, stdout);
    }
    fe_unit_free(u);
    frontend_free(fe);
    work_list_free(&w);
    api_rules_free(rules);
    return code;
}
