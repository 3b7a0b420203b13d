/* cli.h - command-line parsing for the pyrefcheck subcommands.
 *
 * Ownership: cli_options points into argv for every string; cli_free
 * releases only the arrays it allocated. */
#ifndef PYREFCHECK_CLI_H
#define PYREFCHECK_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report.h"
#include "../db/store.h"

#define PYREFCHECK_VERSION "0.1.0"
#define PYREFCHECK_DEFAULT_DB ".pyrefcheck/findings.db"

/* Exit codes, part of the interface. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TOOL_ERROR = 2 };

typedef enum {
    CMD_NONE, CMD_SCAN, CMD_QUERY, CMD_REPORT, CMD_DUMP_IR, CMD_BASELINE,
    CMD_RULES, CMD_MERGE
} cli_command;

/* A list of strings pointing into argv. */
typedef struct strv {
    const char **v;
    size_t n, cap;
} strv;

typedef struct cli_options {
    cli_command cmd;
    bool help, version;
    const char *db_path;
    const char *compdb_dir;       /* -p DIR */
    const char *python_include;   /* --python-include DIR */
    report_format format;
    query_format qformat;
    const char **inputs;          /* files and directories */
    size_t ninputs;
    const char **extra_args;      /* compiler flags after -- */
    size_t nextra;
    const char **rules_files;     /* --rules FILE */
    size_t nrules;
    const char *sql;              /* query */
    long long run_id;             /* report --run, 0 = latest */
    const char *function;         /* dump-ir --function */
    strv enable, disable;         /* --enable/--disable RULE[,RULE] */
    strv exclude;                 /* --exclude GLOB */
    const char *config;           /* --config FILE */
    bool no_config;               /* --no-config */
    bool new_only;                /* --new-only */
    const char *baseline_file;    /* --baseline-file FILE */
    bool report_unused_ignores;   /* --report-unused-ignores */
    const char *verb;             /* baseline: save or show */
    bool list;                    /* rules --list */
    long jobs;                    /* -j N, 0 = number of cores */
    bool no_incremental;          /* --no-incremental */
    unsigned shard, nshards;      /* --shard K/N (1-based K), 0/0 = all */
    long file_budget;             /* --file-budget SECONDS per file, 0 = none */
} cli_options;

/* Parse argv; 0 on success, -1 with err set on a usage error. */
int cli_parse(int argc, char **argv, cli_options *o, char *err, size_t errlen);
void cli_free(cli_options *o);
void cli_print_help(FILE *out, cli_command cmd);

#endif
