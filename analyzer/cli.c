/* cli.c - parsing pyrefcheck's command line into cli_options and the help
 * texts of each subcommand.  Options are described by a table. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct command_name {
    const char *name;
    cli_command cmd;
} command_name;

static const command_name commands[] = {
    { "scan", CMD_SCAN }, { "query", CMD_QUERY }, { "report", CMD_REPORT },
    { "dump-ir", CMD_DUMP_IR }, { "baseline", CMD_BASELINE },
    { "rules", CMD_RULES }, { "merge", CMD_MERGE },
    { NULL, CMD_NONE }
};

typedef enum {
    OPT_DB, OPT_COMPDB, OPT_PYINC, OPT_FORMAT, OPT_CSV, OPT_JSON, OPT_RULES,
    OPT_RUN, OPT_FUNCTION, OPT_HELP, OPT_ENABLE, OPT_DISABLE, OPT_EXCLUDE,
    OPT_CONFIG, OPT_NO_CONFIG, OPT_NEW_ONLY, OPT_BASELINE_FILE, OPT_UNUSED,
    OPT_LIST, OPT_JOBS, OPT_NO_INCREMENTAL, OPT_SHARD, OPT_FILE_BUDGET
} option_id;

typedef struct option_spec {
    const char *name;
    option_id id;
    bool takes_value;
    unsigned commands;   /* bit per cli_command */
} option_spec;

#define C(x) (1u << (x))
static const option_spec options[] = {
    { "--db", OPT_DB, true, C(CMD_SCAN) | C(CMD_QUERY) | C(CMD_REPORT) | C(CMD_BASELINE) },
    { "--enable", OPT_ENABLE, true, C(CMD_SCAN) },
    { "--disable", OPT_DISABLE, true, C(CMD_SCAN) },
    { "--exclude", OPT_EXCLUDE, true, C(CMD_SCAN) },
    { "--config", OPT_CONFIG, true, C(CMD_SCAN) | C(CMD_REPORT) | C(CMD_BASELINE) },
    { "--no-config", OPT_NO_CONFIG, false, C(CMD_SCAN) | C(CMD_REPORT) | C(CMD_BASELINE) },
    { "--new-only", OPT_NEW_ONLY, false, C(CMD_SCAN) | C(CMD_REPORT) },
    { "--baseline-file", OPT_BASELINE_FILE, true, C(CMD_SCAN) | C(CMD_REPORT) | C(CMD_BASELINE) },
    { "--report-unused-ignores", OPT_UNUSED, false, C(CMD_SCAN) },
    { "-p", OPT_COMPDB, true, C(CMD_SCAN) | C(CMD_DUMP_IR) },
    { "--python-include", OPT_PYINC, true, C(CMD_SCAN) | C(CMD_DUMP_IR) },
    { "--format", OPT_FORMAT, true, C(CMD_SCAN) | C(CMD_REPORT) },
    { "--csv", OPT_CSV, false, C(CMD_QUERY) },
    { "--json", OPT_JSON, false, C(CMD_QUERY) },
    { "--rules", OPT_RULES, true, C(CMD_SCAN) | C(CMD_DUMP_IR) | C(CMD_RULES) },
    { "--list", OPT_LIST, false, C(CMD_RULES) },
    { "-j", OPT_JOBS, true, C(CMD_SCAN) },
    { "--jobs", OPT_JOBS, true, C(CMD_SCAN) },
    { "--no-incremental", OPT_NO_INCREMENTAL, false, C(CMD_SCAN) },
    { "--shard", OPT_SHARD, true, C(CMD_SCAN) },
    { "--file-budget", OPT_FILE_BUDGET, true, C(CMD_SCAN) },
    { "--run", OPT_RUN, true, C(CMD_REPORT) },
    { "--function", OPT_FUNCTION, true, C(CMD_DUMP_IR) },
    { "--help", OPT_HELP, false, ~0u },
    { "-h", OPT_HELP, false, ~0u },
    { NULL, OPT_HELP, false, 0 }
};

static const option_spec *find_option(const char *arg, const char **inline_val)
{
    *inline_val = NULL;
    for (const option_spec *s = options; s->name; s++) {
        size_t n = strlen(s->name);
        if (strncmp(arg, s->name, n))
            continue;
        if (arg[n] == '\0')
            return s;
        if (arg[n] == '=' && s->takes_value && arg[1] == '-') {
            *inline_val = arg + n + 1;
            return s;
        }
        if (n == 2 && s->takes_value && arg[1] != '-') {
            *inline_val = arg + n;   /* -j2, -pbuild */
            return s;
        }
    }
    return NULL;
}

static void strv_push(strv *s, const char *val)
{
    ARRAY_PUSH(s->v, s->n, s->cap, val);
}

static int apply_option(cli_options *o, const option_spec *s, const char *val,
                        char *err, size_t errlen)
{
    char *end;
    switch (s->id) {
    case OPT_DB: o->db_path = val; break;
    case OPT_COMPDB: o->compdb_dir = val; break;
    case OPT_PYINC: o->python_include = val; break;
    case OPT_FORMAT:
        if (report_format_parse(val, &o->format)) {
            snprintf(err, errlen, "unknown format '%s' (expected text, json, sarif, github, gitlab or html)", val);
            return -1;
        }
        break;
    case OPT_CSV: o->qformat = QUERY_CSV; break;
    case OPT_JSON: o->qformat = QUERY_JSON; break;
    case OPT_RULES:
        o->rules_files = xrealloc(o->rules_files,
                                  (o->nrules + 1) * sizeof *o->rules_files);
        o->rules_files[o->nrules++] = val;
        break;
    case OPT_RUN:
        o->run_id = strtoll(val, &end, 10);
        if (*end || o->run_id <= 0) {
            snprintf(err, errlen, "--run expects a positive run id, got '%s'", val);
            return -1;
        }
        break;
    case OPT_FUNCTION: o->function = val; break;
    case OPT_HELP: o->help = true; break;
    case OPT_ENABLE: strv_push(&o->enable, val); break;
    case OPT_DISABLE: strv_push(&o->disable, val); break;
    case OPT_EXCLUDE: strv_push(&o->exclude, val); break;
    case OPT_CONFIG: o->config = val; break;
    case OPT_NO_CONFIG: o->no_config = true; break;
    case OPT_NEW_ONLY: o->new_only = true; break;
    case OPT_BASELINE_FILE: o->baseline_file = val; break;
    case OPT_UNUSED: o->report_unused_ignores = true; break;
    case OPT_LIST: o->list = true; break;
    case OPT_NO_INCREMENTAL: o->no_incremental = true; break;
    case OPT_FILE_BUDGET:
        o->file_budget = strtol(val, &end, 10);
        if (*end || o->file_budget < 0) {
            snprintf(err, errlen, "--file-budget expects seconds (0: no limit), got '%s'", val);
            return -1;
        }
        break;
    case OPT_SHARD: {
        char extra;
        if (sscanf(val, "%u/%u%c", &o->shard, &o->nshards, &extra) != 2 ||
            o->nshards < 1 || o->shard < 1 || o->shard > o->nshards) {
            snprintf(err, errlen, "--shard expects K/N with 1 <= K <= N, got '%s'", val);
            return -1;
        }
        break;
    }
    case OPT_JOBS:
        o->jobs = strtol(val, &end, 10);
        if (*end || o->jobs < 1 || o->jobs > 256) {
            snprintf(err, errlen, "-j expects a number of jobs (1-256), got '%s'", val);
            return -1;
        }
        break;
    }
    return 0;
}

static int parse_command_args(int argc, char **argv, int i, cli_options *o,
                              char *err, size_t errlen)
{
    size_t capin = 0, capextra = 0;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--")) {
            for (i++; i < argc; i++)
                ARRAY_PUSH(o->extra_args, o->nextra, capextra, argv[i]);
            break;
        }
        if (arg[0] == '-' && arg[1] != '\0') {
            const char *val;
            const option_spec *s = find_option(arg, &val);
            if (!s || !(s->commands & C(o->cmd))) {
                snprintf(err, errlen, "unknown option '%s'", arg);
                return -1;
            }
            if (s->takes_value && !val) {
                if (i + 1 >= argc) {
                    snprintf(err, errlen, "option '%s' needs a value", arg);
                    return -1;
                }
                val = argv[++i];
            }
            if (apply_option(o, s, val, err, errlen))
                return -1;
            continue;
        }
        ARRAY_PUSH(o->inputs, o->ninputs, capin, arg);
    }
    return 0;
}

static int check_positionals(cli_options *o, char *err, size_t errlen)
{
    if (o->help)
        return 0;
    if (o->cmd == CMD_QUERY) {
        if (o->ninputs != 1) {
            snprintf(err, errlen, "query takes exactly one SQL statement");
            return -1;
        }
        o->sql = o->inputs[0];
    } else if (o->cmd == CMD_REPORT && o->ninputs) {
        snprintf(err, errlen, "report takes no file arguments");
        return -1;
    } else if (o->cmd == CMD_DUMP_IR && o->ninputs != 1) {
        snprintf(err, errlen, "dump-ir takes exactly one source file");
        return -1;
    } else if (o->cmd == CMD_SCAN && !o->ninputs && !o->compdb_dir) {
        snprintf(err, errlen, "scan needs files or directories, or -p DIR");
        return -1;
    } else if (o->cmd == CMD_RULES && (!o->list || o->ninputs)) {
        snprintf(err, errlen, "rules takes --list (and --rules FILE)");
        return -1;
    } else if (o->cmd == CMD_MERGE && o->ninputs < 2) {
        snprintf(err, errlen, "merge takes OUT.db and at least one IN.db");
        return -1;
    } else if (o->cmd == CMD_BASELINE) {
        if (o->ninputs != 1 || (strcmp(o->inputs[0], "save") && strcmp(o->inputs[0], "show"))) {
            snprintf(err, errlen, "baseline takes one verb: save or show");
            return -1;
        }
        o->verb = o->inputs[0];
    }
    return 0;
}

int cli_parse(int argc, char **argv, cli_options *o, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->db_path = PYREFCHECK_DEFAULT_DB;
    o->format = REPORT_TEXT;
    o->qformat = QUERY_TABLE;
    o->file_budget = 300;
    if (argc < 2) {
        snprintf(err, errlen, "missing command (scan, query, report, baseline, dump-ir)");
        return -1;
    }
    const char *first = argv[1];
    if (!strcmp(first, "--version") || !strcmp(first, "-V")) {
        o->version = true;
        return 0;
    }
    if (!strcmp(first, "--help") || !strcmp(first, "-h") || !strcmp(first, "help")) {
        o->help = true;
        return 0;
    }
    for (const command_name *c = commands; c->name; c++)
        if (!strcmp(c->name, first))
            o->cmd = c->cmd;
    if (o->cmd == CMD_NONE) {
        snprintf(err, errlen, "unknown command '%s'", first);
        return -1;
    }
    if (parse_command_args(argc, argv, 2, o, err, errlen))
        return -1;
    return check_positionals(o, err, errlen);
}

void cli_free(cli_options *o)
{
    free(o->inputs);
    free(o->extra_args);
    free(o->rules_files);
    free(o->enable.v);
    free(o->disable.v);
    free(o->exclude.v);
    memset(o, 0, sizeof *o);
}

static const char *const help_texts[] = {
    [CMD_NONE] =
    "usage: pyrefcheck COMMAND [options]\n"
    "\n"
    "Finds reference-counting errors in CPython C extensions.\n"
    "\n"
    "commands:\n"
    "  scan     analyse C files and store the findings in the database\n"
    "  report   print the findings of a stored run\n"
    "  query    run a read-only SQL query on the database\n"
    "  baseline save or show the baseline of known findings\n"
    "  rules    list what pyrefcheck knows about each API function\n"
    "  merge    combine the databases of sharded scans into one run\n"
    "  dump-ir  print the control-flow graph pyrefcheck builds for a file\n"
    "\n"
    "  pyrefcheck --version      print the version\n"
    "  pyrefcheck COMMAND --help describe a command\n"
    "\n"
    "exit codes: 0 no findings, 1 findings reported, 2 usage or tool error\n",
    [CMD_SCAN] =
    "usage: pyrefcheck scan [options] [FILE|DIR...] [-- COMPILER-FLAGS...]\n"
    "\n"
    "Analyses C extension sources.  Directories are searched for *.c files;\n"
    "files that do not include Python.h are skipped, Cython output is skipped\n"
    "with a note.  Findings are printed and stored in the database.\n"
    "\n"
    "options:\n"
    "  -p DIR                 read DIR/compile_commands.json for files and flags\n"
    "  --python-include DIR   Python headers (default: python3-config --includes)\n"
    "  --format FMT           text (default), json, sarif, github, gitlab, html\n"
    "  -j N, --jobs N         analyse N files at a time (default: the cores)\n"
    "  --shard K/N            analyse only the K-th of N shares of the files (by\n"
    "                         path, deterministic); combine with `merge`\n"
    "  --file-budget SECONDS  stop analysing a file's functions after this long\n"
    "                         (default 300, 0 for no limit); notes record it\n"
    "  --no-incremental       analyse every file again, even those unchanged\n"
    "                         since an earlier scan (whose results are reused)\n"
    "  --db PATH              database (default .pyrefcheck/findings.db)\n"
    "  --rules FILE           extra API rules file (repeatable)\n"
    "  --enable RULE[,RULE]   check only these rules\n"
    "  --disable RULE[,RULE]  do not check these rules\n"
    "  --exclude GLOB         do not scan files matching GLOB (repeatable)\n"
    "  --config FILE          configuration file (default: the nearest\n"
    "                         .pyrefcheck.cfg, or setup.cfg with [pyrefcheck])\n"
    "  --no-config            do not read a configuration file\n"
    "  --new-only             print and fail only on findings not in the baseline\n"
    "  --baseline-file FILE   the baseline to compare with (default: the database's)\n"
    "  --report-unused-ignores  report suppression comments that match nothing\n"
    "  -- FLAGS               extra compiler flags (-I, -D, ...)\n"
    "\n"
    "A comment 'pyrefcheck: ignore[RULE,...]' on a finding's line or the line\n"
    "before suppresses it: it is stored but neither printed nor failed on.\n",
    [CMD_QUERY] =
    "usage: pyrefcheck query [--db PATH] [--csv|--json] \"SQL\"\n"
    "\n"
    "Runs one SQL statement on the database opened read-only and prints the\n"
    "rows as a table (default), CSV or JSON.  Tables: runs, files, findings,\n"
    "trace_steps, analysis_notes; view latest_findings.\n",
    [CMD_REPORT] =
    "usage: pyrefcheck report [--db PATH] [--format FMT] [--run ID] [--new-only]\n"
    "                         [--baseline-file FILE]\n"
    "\n"
    "Prints the findings of the latest run (or of run ID) from the database.\n"
    "FMT: text (default), json, sarif, github (workflow commands), gitlab\n"
    "(Code Quality JSON) or html (a self-contained page).\n",
    [CMD_BASELINE] =
    "usage: pyrefcheck baseline save|show [--db PATH] [--baseline-file FILE]\n"
    "\n"
    "save: marks the findings of the latest run as known, in the database and,\n"
    "with --baseline-file, in that text file (for committing).  show: lists the\n"
    "baseline (of the file when given).  scan --new-only and report --new-only\n"
    "then print and fail only on findings whose fingerprint is not in it.\n",
    [CMD_RULES] =
    "usage: pyrefcheck rules --list [--rules FILE]\n"
    "\n"
    "Prints one line per known function: name, return kind (new, borrowed,\n"
    "none), the arguments it takes over (1-based, comma-separated, - for\n"
    "none) and its failure value (NULL, -1, 0, none), separated by tabs.\n",
    [CMD_MERGE] =
    "usage: pyrefcheck merge OUT.db IN.db [IN.db...]\n"
    "\n"
    "Adds one run to OUT.db holding the latest run of each IN.db (e.g. the\n"
    "shards of `scan --shard K/N` run on several machines).\n",
    [CMD_DUMP_IR] =
    "usage: pyrefcheck dump-ir [--function NAME] FILE [-- COMPILER-FLAGS...]\n"
    "\n"
    "Prints the IR (basic blocks and instructions) of each function defined\n"
    "in FILE, or only of NAME.\n",
};

void cli_print_help(FILE *out, cli_command cmd)
{
    fputs(help_texts[cmd], out);
}
