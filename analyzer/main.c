/* main.c - the pyrefcheck command: dispatches to scan, query, report and
 * dump-ir, and maps every outcome to an exit code (0 clean, 1 findings,
 * 2 usage or tool error). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>

#include "baseline.h"
#include "cli.h"
#include "report.h"
#include "scan.h"
#include "util.h"
#include "../db/store.h"

static char *join_args(int argc, char **argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *s = xcalloc(n, 1);
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, argv[i]);
    }
    return s;
}

static int query_main(const cli_options *o)
{
    char err[1024];
    store *db = NULL;
    if (store_open_readonly(o->db_path, &db, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    int rc = store_query(db, o->sql, o->qformat, stdout, err, sizeof err);
    store_close(db);
    if (rc != 0) {
        fprintf(stderr, "pyrefcheck: error: query failed: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    return EXIT_CLEAN;
}

/* Open the database read-only and load the findings of a run (the latest
 * when run_id is 0). */
static store *load_run(const cli_options *o, int64_t run_id, finding_list *fl)
{
    char err[1024];
    store *db = NULL;
    if (store_open_readonly(o->db_path, &db, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return NULL;
    }
    int64_t run = run_id;
    if (!run && store_latest_run(db, &run) != 0)
        run = 0;
    int64_t unfinished = 0;
    if (run && !run_id && store_unfinished_after(db, run, &unfinished) == 0 &&
        unfinished)
        fprintf(stderr, "pyrefcheck: note: %lld later run%s did not finish "
                "(interrupted or still going); showing run %lld\n",
                (long long)unfinished, unfinished == 1 ? "" : "s", (long long)run);
    if (!run) {
        fprintf(stderr, "pyrefcheck: error: %s holds no finished run\n", o->db_path);
    } else if (store_load_findings(db, run, fl) != 0) {
        fprintf(stderr, "pyrefcheck: error: cannot read run %lld from %s\n",
                (long long)run, o->db_path);
    } else {
        return db;
    }
    store_close(db);
    return NULL;
}

static int report_main(const cli_options *o)
{
    finding_list fl = { NULL, 0, 0 };
    store *db = load_run(o, o->run_id, &fl);
    int code = EXIT_TOOL_ERROR;
    if (db && (!o->new_only ||
               scan_apply_baseline(db, o->baseline_file, &fl, NULL) == 0)) {
        char cwd[PATH_MAX];
        report_info info = { PYREFCHECK_VERSION,
                             getcwd(cwd, sizeof cwd) ? cwd : NULL };
        code = report_write(stdout, o->format, &fl, &info) != 0 ? EXIT_TOOL_ERROR
               : finding_list_count_unsuppressed(&fl) ? EXIT_FINDINGS : EXIT_CLEAN;
    }
    finding_list_free(&fl);
    store_close(db);
    return code;
}

static int baseline_save(const cli_options *o)
{
    char err[1024];
    finding_list fl = { NULL, 0, 0 };
    store *ro = load_run(o, 0, &fl);
    store *db = NULL;
    int code = EXIT_TOOL_ERROR;
    if (ro && store_open(o->db_path, &db, err, sizeof err) != 0)
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
    else if (ro && store_baseline_save(db, &fl) != 0)
        fprintf(stderr, "pyrefcheck: error: cannot save the baseline in %s\n",
                o->db_path);
    else if (ro && o->baseline_file &&
             baseline_write(&fl, o->baseline_file, err, sizeof err) != 0)
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
    else if (ro) {
        fprintf(stderr, "pyrefcheck: baseline saved: %zu finding%s%s%s\n",
                finding_list_count_unsuppressed(&fl), finding_list_count_unsuppressed(&fl) == 1 ? "" : "s",
                o->baseline_file ? ", written to " : "",
                o->baseline_file ? o->baseline_file : "");
        code = EXIT_CLEAN;
    }
    store_close(db);
    store_close(ro);
    finding_list_free(&fl);
    return code;
}

static int baseline_show(const cli_options *o)
{
    char err[1024];
    if (o->baseline_file) {
        baseline b = { NULL, 0, 0 };
        int rc = baseline_read(&b, o->baseline_file, err, sizeof err);
        if (rc)
            fprintf(stderr, "pyrefcheck: error: %s\n", err);
        for (size_t i = 0; rc == 0 && i < b.n; i++)
            printf("%s\n", b.fps[i]);
        baseline_free(&b);
        return rc ? EXIT_TOOL_ERROR : EXIT_CLEAN;
    }
    store *db = NULL;
    if (store_open_readonly(o->db_path, &db, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    finding_list fl = { NULL, 0, 0 };
    int rc = store_baseline_load(db, &fl);
    for (size_t i = 0; rc == 0 && i < fl.len; i++)
        printf("%s\t%s\t%s\t%s\n", fl.items[i].fingerprint, fl.items[i].rule,
               fl.items[i].file, fl.items[i].message);
    if (rc)
        fprintf(stderr, "pyrefcheck: error: cannot read the baseline\n");
    finding_list_free(&fl);
    store_close(db);
    return rc ? EXIT_TOOL_ERROR : EXIT_CLEAN;
}

static const char *ret_word(api_ret r)
{
    return r == RET_NEW ? "new" : r == RET_BORROWED ? "borrowed" : "none";
}

static const char *fail_word(api_fail f)
{
    return f == FAIL_NULL ? "NULL" : f == FAIL_NEG1 ? "-1"
           : f == FAIL_ZERO ? "0" : "none";
}

static void print_positions(unsigned mask)
{
    if (!mask) {
        fputs("-", stdout);
        return;
    }
    const char *sep = "";
    for (unsigned i = 0; i < 32; i++)
        if (mask & (1u << i)) {
            printf("%s%u", sep, i + 1);
            sep = ",";
        }
}

static int rules_main(const cli_options *o)
{
    char err[1024];
    api_rules *rules = scan_load_rules(o, NULL, err, sizeof err);
    if (!rules) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    const api_rule **list = NULL;
    size_t n = api_rules_sorted(rules, &list);
    for (size_t i = 0; i < n; i++) {
        const api_rule *r = list[i];
        if (r->is_macro || r->is_slot)
            continue;
        printf("%s\t%s\t", r->name, ret_word(r->ret));
        print_positions(r->steals | r->steals_on_success);
        printf("\t%s\n", fail_word(r->fail));
    }
    free(list);
    api_rules_free(rules);
    return EXIT_CLEAN;
}

/* merge OUT.db IN.db...: one new run in OUT holding each input's latest. */
static int merge_main(const cli_options *o, const char *command_line)
{
    char err[1024];
    store *out = NULL;
    if (store_open(o->inputs[0], &out, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    char cwd[PATH_MAX];
    int64_t run = 0;
    int code = EXIT_CLEAN;
    size_t files = 0;
    if (store_begin_run(out, PYREFCHECK_VERSION, command_line,
                        getcwd(cwd, sizeof cwd) ? cwd : "", &run) != 0)
        code = EXIT_TOOL_ERROR;
    for (size_t i = 1; code == EXIT_CLEAN && i < o->ninputs; i++) {
        store *in = NULL;
        if (store_open_readonly(o->inputs[i], &in, err, sizeof err) != 0) {
            fprintf(stderr, "pyrefcheck: error: %s\n", err);
            code = EXIT_TOOL_ERROR;
        } else if (store_merge_run(out, run, in, &files) != 0) {
            fprintf(stderr, "pyrefcheck: error: cannot merge %s (no run, or "
                    "the same file in two inputs)\n", o->inputs[i]);
            code = EXIT_TOOL_ERROR;
        }
        store_close(in);
    }
    if (run)
        store_end_run(out, run, code);
    if (code == EXIT_CLEAN)
        fprintf(stderr, "pyrefcheck: merged %zu files from %zu databases into "
                "run %lld of %s\n", files, o->ninputs - 1, (long long)run,
                o->inputs[0]);
    store_close(out);
    return code;
}

int main(int argc, char **argv)
{
    cli_options o;
    char err[512];
    if (cli_parse(argc, argv, &o, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        fprintf(stderr, "try 'pyrefcheck --help'\n");
        cli_free(&o);
        return EXIT_TOOL_ERROR;
    }
    int code = EXIT_CLEAN;
    if (o.version) {
        printf("pyrefcheck %s\n", PYREFCHECK_VERSION);
    } else if (o.help) {
        cli_print_help(stdout, o.cmd);
    } else if (o.cmd == CMD_SCAN) {
        char *line = join_args(argc, argv);
        code = scan_main(&o, line);
        free(line);
    } else if (o.cmd == CMD_QUERY) {
        code = query_main(&o);
    } else if (o.cmd == CMD_REPORT) {
        code = report_main(&o);
    } else if (o.cmd == CMD_MERGE) {
        char *line = join_args(argc, argv);
        code = merge_main(&o, line);
        free(line);
    } else if (o.cmd == CMD_RULES) {
        code = rules_main(&o);
    } else if (o.cmd == CMD_BASELINE) {
        code = !strcmp(o.verb, "save") ? baseline_save(&o) : baseline_show(&o);
    } else if (o.cmd == CMD_DUMP_IR) {
        code = dump_ir_main(&o);
    }
    cli_free(&o);
    return code;
}
