/* main.c - the pyrefcheck command: dispatches to scan, query, report and
 * dump-ir, and maps every outcome to an exit code (0 clean, 1 findings,
 * 2 usage or tool error). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>

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

static int report_main(const cli_options *o)
{
    char err[1024];
    store *db = NULL;
    if (store_open_readonly(o->db_path, &db, err, sizeof err) != 0) {
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
        return EXIT_TOOL_ERROR;
    }
    int64_t run = o->run_id;
    int code = EXIT_TOOL_ERROR;
    finding_list fl = { NULL, 0, 0 };
    if (!run && store_latest_run(db, &run) != 0)
        run = 0;
    if (!run) {
        fprintf(stderr, "pyrefcheck: error: %s holds no run\n", o->db_path);
    } else if (store_load_findings(db, run, &fl) != 0) {
        fprintf(stderr, "pyrefcheck: error: cannot read run %lld from %s\n",
                (long long)run, o->db_path);
    } else {
        char cwd[PATH_MAX];
        report_info info = { PYREFCHECK_VERSION,
                             getcwd(cwd, sizeof cwd) ? cwd : NULL };
        code = report_write(stdout, o->format, &fl, &info) != 0 ? EXIT_TOOL_ERROR
               : fl.len ? EXIT_FINDINGS : EXIT_CLEAN;
    }
    finding_list_free(&fl);
    store_close(db);
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
    } else if (o.cmd == CMD_DUMP_IR) {
        code = dump_ir_main(&o);
    }
    cli_free(&o);
    return code;
}
