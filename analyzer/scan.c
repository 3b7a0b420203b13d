/* scan.c - the scan and dump-ir commands.
 *
 * Work items (a source file, its directory and its compiler arguments) come
 * from compile_commands.json through libclang's compilation database, or
 * from the files and directories named on the command line with the Python
 * include directory and the flags given after `--`.  Each item is parsed,
 * its functions lowered and analysed, and its findings stored in one
 * transaction. */
#include "scan.h"

#include <clang-c/CXCompilationDatabase.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baseline.h"
#include "config.h"
#include "engine.h"
#include "frontend.h"
#include "report.h"
#include "suppress.h"
#include "util.h"
#include "../db/store.h"
#include "../rules/ruleset.h"

typedef struct work_item {
    char *file;        /* as given or as in the compilation database */
    char *dir;         /* working directory for the compile, may be NULL */
    char **args;
    size_t nargs, capargs;
} work_item;

typedef struct work_list {
    work_item *items;
    size_t len, cap;
} work_list;

static void work_list_free(work_list *w)
{
    for (size_t i = 0; i < w->len; i++) {
        work_item *it = &w->items[i];
        free(it->file);
        free(it->dir);
        for (size_t j = 0; j < it->nargs; j++)
            free(it->args[j]);
        free(it->args);
    }
    free(w->items);
}

static void item_add_arg(work_item *it, const char *arg)
{
    char *a = xstrdup(arg);
    ARRAY_PUSH(it->args, it->nargs, it->capargs, a);
}

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

/* ---- Python include directory ---- */

static char *python_include_from_config(void)
{
    FILE *p = popen("python3-config --includes 2>/dev/null", "r");
    if (!p)
        return NULL;
    char line[4096] = "";
    char *ok = fgets(line, sizeof line, p);
    pclose(p);
    if (!ok || strncmp(line, "-I", 2))
        return NULL;
    size_t n = strcspn(line + 2, " \t\n");
    return xstrndup(line + 2, n);
}

static char *python_include_dir(const cli_options *o, const char *configured)
{
    if (o->python_include)
        return xstrdup(o->python_include);
    if (configured)
        return xstrdup(configured);
    char *dir = python_include_from_config();
    if (dir)
        return dir;
    for (int minor = 20; minor >= 6; minor--) {
        char *p = xasprintf("/usr/include/python3.%d/Python.h", minor);
        bool found = access(p, R_OK) == 0;
        free(p);
        if (found)
            return xasprintf("/usr/include/python3.%d", minor);
    }
    return NULL;
}

/* ---- work from the command line ---- */

static bool has_c_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && !strcmp(name + n - 2, ".c");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect *.c files under dir, sorted, skipping hidden directories. */
static void walk_dir(const char *dir, char ***files, size_t *n, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t nn = 0, cn = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char *name = xstrdup(e->d_name);
        ARRAY_PUSH(names, nn, cn, name);
    }
    closedir(d);
    if (nn)
        qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        char *path = xasprintf("%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk_dir(path, files, n, cap);
            free(path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                   has_c_suffix(names[i])) {
            ARRAY_PUSH(*files, *n, *cap, path);
        } else {
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

static void add_annotation_args(work_item *it)
{
    for (const char *const *a = frontend_annotation_args(); *a; a++)
        item_add_arg(it, *a);
}

static void add_file_item(work_list *w, const char *file, const char *pyinc,
                          const cli_options *o)
{
    work_item it;
    memset(&it, 0, sizeof it);
    it.file = xstrdup(file);
    add_annotation_args(&it);
    if (pyinc) {
        char *inc = xasprintf("-I%s", pyinc);
        item_add_arg(&it, inc);
        free(inc);
    }
    for (size_t i = 0; i < o->nextra; i++)
        item_add_arg(&it, o->extra_args[i]);
    ARRAY_PUSH(w->items, w->len, w->cap, it);
}

static int work_from_inputs(const cli_options *o, const char *configured,
                            work_list *w, char *err, size_t errlen)
{
    char *pyinc = python_include_dir(o, configured);
    int rc = 0;
    for (size_t i = 0; i < o->ninputs && rc == 0; i++) {
        struct stat st;
        if (stat(o->inputs[i], &st) != 0) {
            snprintf(err, errlen, "%s: %s", o->inputs[i], strerror(errno));
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            char **files = NULL;
            size_t n = 0, cap = 0;
            walk_dir(o->inputs[i], &files, &n, &cap);
            for (size_t j = 0; j < n; j++) {
                add_file_item(w, files[j], pyinc, o);
                free(files[j]);
            }
            free(files);
        } else {
            add_file_item(w, o->inputs[i], pyinc, o);
        }
    }
    free(pyinc);
    return rc;
}

/* ---- work from compile_commands.json ---- */

static bool wanted(const cli_options *o, const char *file)
{
    if (!o->ninputs)
        return true;
    char real[PATH_MAX];
    if (!realpath(file, real))
        return false;
    for (size_t i = 0; i < o->ninputs; i++) {
        char want[PATH_MAX];
        if (!realpath(o->inputs[i], want))
            continue;
        size_t n = strlen(want);
        if (!strcmp(real, want) || (!strncmp(real, want, n) && real[n] == '/'))
            return true;
    }
    return false;
}

static char *absolute_in(const char *dir, const char *file)
{
    if (file[0] == '/' || !dir)
        return xstrdup(file);
    return xasprintf("%s/%s", dir, file);
}

/* Compiler arguments without argv[0], the source file, -c and -o FILE. */
static void item_from_command(work_item *it, CXCompileCommand cmd,
                              const char *file)
{
    unsigned n = clang_CompileCommand_getNumArgs(cmd);
    for (unsigned i = 1; i < n; i++) {
        CXString s = clang_CompileCommand_getArg(cmd, i);
        const char *a = clang_getCString(s);
        bool skip_next = !strcmp(a, "-o");
        char *abs = absolute_in(it->dir, a);
        bool is_source = !strcmp(a, file) || !strcmp(abs, it->file);
        free(abs);
        if (!skip_next && strcmp(a, "-c") && !is_source)
            item_add_arg(it, a);
        clang_disposeString(s);
        if (skip_next)
            i++;
    }
}

static int work_from_compdb(const cli_options *o, work_list *w, char *err,
                            size_t errlen)
{
    CXCompilationDatabase_Error dberr;
    CXCompilationDatabase db =
        clang_CompilationDatabase_fromDirectory(o->compdb_dir, &dberr);
    if (dberr != CXCompilationDatabase_NoError || !db) {
        snprintf(err, errlen, "%s/compile_commands.json: cannot be loaded",
                 o->compdb_dir);
        return -1;
    }
    CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
    unsigned n = clang_CompileCommands_getSize(cmds);
    for (unsigned i = 0; i < n; i++) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
        CXString fs = clang_CompileCommand_getFilename(cmd);
        CXString ds = clang_CompileCommand_getDirectory(cmd);
        work_item it;
        memset(&it, 0, sizeof it);
        it.dir = xstrdup(clang_getCString(ds));
        it.file = absolute_in(it.dir, clang_getCString(fs));
        if (has_c_suffix(it.file) && wanted(o, it.file)) {
            item_from_command(&it, cmd, clang_getCString(fs));
            add_annotation_args(&it);
            for (size_t j = 0; j < o->nextra; j++)
                item_add_arg(&it, o->extra_args[j]);
            ARRAY_PUSH(w->items, w->len, w->cap, it);
        } else {
            free(it.file);
            free(it.dir);
        }
        clang_disposeString(fs);
        clang_disposeString(ds);
    }
    clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    if (w->len == 0) {
        snprintf(err, errlen, "%s/compile_commands.json: no C files to scan",
                 o->compdb_dir);
        return -1;
    }
    return 0;
}

/* ---- scanning ---- */

typedef struct scan_ctx {
    const cli_options *o;
    const api_rules *rules;
    ruleset *rs;
    unsigned python_version;
    engine_stats stats;
} scan_ctx;

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

static void summary_to_rule(const ir_func *f, const func_summary *s,
                            api_rule *r)
{
    memset(r, 0, sizeof *r);
    r->name = f->name;
    r->origin = f->name;
    r->ret = s->ret == RET_OTHER && f->returns_object ? RET_NEW : s->ret;
    r->fail = s->fail;
    r->null_ok = s->null_ok;
    r->steals = s->steals;
}

static void analyze_unit(fe_unit *u, scan_ctx *sc, finding_list *out,
                         finding_list *notes)
{
    func_set fs = { NULL, 0, 0 };
    fe_unit_lower_functions(u, collect_function, &fs);
    unsigned char *mark = xcalloc(fs.len + 1, 1);
    size_t *order = xmalloc((fs.len + 1) * sizeof *order), n = 0;
    for (size_t i = 0; i < fs.len; i++)
        if (mark[i] == MARK_NONE)
            order_from(&fs, i, mark, order, &n);
    api_rules *local = api_rules_new();
    fe_unit_annotations(u, local);
    for (size_t k = 0; k < n; k++) {
        ir_func *f = fs.items[order[k]];
        func_summary sum;
        engine_output eo = { out, notes, &sc->stats, &sum };
        engine_analyze(f, sc->rules, local, sc->python_version, NULL, &eo);
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

typedef struct scan_totals {
    size_t files, skipped, errors, findings, suppressed, unused;
} scan_totals;

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

/* Mark suppressed findings; report unused suppressions when asked.
 * Returns -1 on a malformed suppression comment. */
static int apply_suppressions(scan_ctx *sc, const char *path, const char *text,
                              finding_list *fl, scan_totals *tot)
{
    char err[512];
    suppression_list sl = { NULL, 0, 0 };
    int rc = suppress_scan(path, text, &sl, err, sizeof err);
    if (rc) {
        fprintf(stderr, "%s\n", err);
    } else {
        suppress_apply(&sl, fl);
        for (size_t i = 0; sc->o->report_unused_ignores && i < sl.len; i++)
            if (!sl.items[i].used) {
                fprintf(stderr, "%s:%u: warning: this suppression matches no "
                        "finding [unused-ignore]\n", path, sl.items[i].line);
                tot->unused++;
            }
    }
    suppress_free(&sl);
    return rc;
}

/* Filter, suppress and store the findings of one analysed file. */
static int record_file(scan_ctx *sc, store *db, int64_t run, const char *path,
                       finding_list *fl, finding_list *notes, scan_totals *tot)
{
    size_t len = 0;
    char *text = read_file(path, &len);
    char hash[17] = "";
    int rc = 0;
    if (text)
        hash_hex(text, len, hash);
    filter_rules(fl, sc->rs, path);
    if (text && apply_suppressions(sc, path, text, fl, tot))
        rc = 1;   /* a bad suppression: a tool error, findings still stored */
    free(text);
    finding_list_sort(fl);
    if (store_add_file(db, run, path, hash, fl, notes) != 0) {
        fprintf(stderr, "pyrefcheck: cannot store findings of %s\n", path);
        rc = -1;
    }
    for (size_t i = 0; i < fl->len; i++)
        tot->suppressed += fl->items[i].suppressed;
    return rc;
}

/* Parse and analyse one item, appending its findings to all. */
static int scan_item(frontend *fe, scan_ctx *sc, store *db, int64_t run,
                     const work_item *it, finding_list *all, scan_totals *tot)
{
    char err[2048];
    if (is_cython_output(it->file)) {
        fprintf(stderr, "%s: note: generated by Cython, skipped\n", it->file);
        tot->skipped++;
        return 0;
    }
    char cwd[PATH_MAX];
    bool moved = it->dir && getcwd(cwd, sizeof cwd) && chdir(it->dir) == 0;
    fe_unit *u = NULL;
    fe_status st = frontend_parse(fe, it->file, (const char *const *)it->args,
                                  (int)it->nargs, &u, err, sizeof err);
    int rc = 0;
    if (st == FE_ERROR) {
        fprintf(stderr, "%s\n", err);
        tot->errors++;
    } else if (st == FE_NOT_EXTENSION) {
        tot->skipped++;
    } else {
        finding_list fl = { NULL, 0, 0 }, notes = { NULL, 0, 0 };
        sc->python_version = fe_unit_python_version(u);
        analyze_unit(u, sc, &fl, &notes);
        for (size_t i = 0; i < notes.len; i++)
            fprintf(stderr, "%s:%u: note: %s\n", notes.items[i].file,
                    notes.items[i].line, notes.items[i].message);
        rc = record_file(sc, db, run, it->file, &fl, &notes, tot);
        if (rc > 0)
            tot->errors++;
        rc = rc < 0 ? -1 : 0;
        finding_list_free(&notes);
        tot->files++;
        tot->findings += fl.len;
        for (size_t i = 0; i < fl.len; i++)
            finding_list_push(all, &fl.items[i]);
        free(fl.items);
    }
    fe_unit_free(u);
    if (moved && chdir(cwd) != 0)
        rc = -1;
    return rc;
}

static int collect_work(const cli_options *o, const char *pyinc, work_list *w)
{
    char err[PATH_MAX + 256];
    int rc = o->compdb_dir ? work_from_compdb(o, w, err, sizeof err)
                           : work_from_inputs(o, pyinc, w, err, sizeof err);
    if (rc)
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
    return rc;
}

static void print_summary(const cli_options *o, const scan_totals *t,
                          const scan_ctx *sc, int64_t run, size_t baselined)
{
    char extra[128] = "";
    if (t->suppressed || baselined)
        snprintf(extra, sizeof extra, ", %zu suppressed, %zu in the baseline",
                 t->suppressed, baselined);
    fprintf(stderr,
            "pyrefcheck: %zu finding%s in %zu file%s (%u functions analysed, "
            "%u incomplete, %zu skipped, %zu with errors%s); run %lld stored in %s\n",
            t->findings, t->findings == 1 ? "" : "s", t->files,
            t->files == 1 ? "" : "s", sc->stats.functions, sc->stats.incomplete,
            t->skipped, t->errors, extra, (long long)run, o->db_path);
}

/* The baseline: the file given (option or configuration) or the
 * database's. */
int scan_load_baseline(store *db, const char *file, baseline *b, char *err,
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

/* Move the findings that are in the baseline out of all; returns how many. */
static size_t drop_baselined(finding_list *all, const baseline *b)
{
    baseline_mark(b, all);
    size_t k = 0, dropped = 0;
    for (size_t i = 0; i < all->len; i++) {
        if (all->items[i].baselined) {
            finding_clear(&all->items[i]);
            dropped++;
        } else {
            all->items[k++] = all->items[i];
        }
    }
    all->len = k;
    return dropped;
}

static size_t count_reportable(const finding_list *l)
{
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        n += !l->items[i].suppressed;
    return n;
}

static int run_items(scan_ctx *sc, store *db, int64_t run, const work_list *w,
                     const char *baseline_file)
{
    const cli_options *o = sc->o;
    frontend *fe = frontend_new(sc->rules);
    scan_totals tot;
    memset(&tot, 0, sizeof tot);
    finding_list all = { NULL, 0, 0 };
    int failed = 0;
    for (size_t i = 0; i < w->len; i++)
        failed |= scan_item(fe, sc, db, run, &w->items[i], &all, &tot) != 0;
    frontend_free(fe);
    size_t baselined = 0;
    if (o->new_only) {
        char err[512];
        baseline b = { NULL, 0, 0 };
        if (scan_load_baseline(db, baseline_file, &b, err, sizeof err)) {
            fprintf(stderr, "pyrefcheck: error: %s\n", err);
            failed = 1;
        }
        baselined = drop_baselined(&all, &b);
        baseline_free(&b);
    }
    finding_list_sort(&all);
    char cwd[PATH_MAX];
    report_info info = { PYREFCHECK_VERSION, getcwd(cwd, sizeof cwd) ? cwd : NULL };
    if (report_write(stdout, o->format, &all, &info) != 0)
        failed = 1;
    fflush(stdout);
    print_summary(o, &tot, sc, run, baselined);
    int code = failed || tot.errors ? EXIT_TOOL_ERROR
               : count_reportable(&all) || tot.unused ? EXIT_FINDINGS : EXIT_CLEAN;
    finding_list_free(&all);
    return code;
}

/* Settings from the configuration file and the command line. */
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

static void drop_excluded(work_list *w, const ruleset *rs)
{
    size_t k = 0;
    for (size_t i = 0; i < w->len; i++) {
        if (!ruleset_excluded(rs, w->items[i].file)) {
            w->items[k++] = w->items[i];
            continue;
        }
        work_item *it = &w->items[i];
        free(it->file);
        free(it->dir);
        for (size_t j = 0; j < it->nargs; j++)
            free(it->args[j]);
        free(it->args);
    }
    w->len = k;
}

static int scan_db(scan_ctx *sc, const work_list *w, const char *command_line,
                   const char *baseline_file)
{
    char err[1024];
    store *db = NULL;
    if (store_open(sc->o->db_path, &db, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    char cwd[PATH_MAX];
    int64_t run = 0;
    int code = EXIT_TOOL_ERROR;
    if (store_begin_run(db, PYREFCHECK_VERSION, command_line,
                        getcwd(cwd, sizeof cwd) ? cwd : "", &run) == 0) {
        code = run_items(sc, db, run, w, baseline_file);
        store_end_run(db, run, code);
    } else {
        fprintf(stderr, "pyrefcheck: error: cannot record the run in %s\n",
                sc->o->db_path);
    }
    store_close(db);
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
    if (collect_work(o, cfg.python_include, &w) != 0)
        goto done;
    drop_excluded(&w, rs);
    scan_ctx sc;
    memset(&sc, 0, sizeof sc);
    sc.o = o;
    sc.rules = rules;
    sc.rs = rs;
    code = scan_db(&sc, &w, command_line,
                   o->baseline_file ? o->baseline_file : cfg.baseline_file);
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
    char *pyinc = python_include_dir(o, NULL);
    add_file_item(&w, o->inputs[0], pyinc, o);
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
