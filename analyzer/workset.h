/* workset.h - what a scan analyses: the translation units (a source file,
 * the directory its compile runs in, its compiler arguments), from
 * compile_commands.json through libclang's compilation database, or from
 * the files and directories given on the command line with the Python
 * include directory and the flags after `--`.
 *
 * Ownership: a work_list owns its items and their strings;
 * work_list_free releases them. */
#ifndef PYREFCHECK_WORKSET_H
#define PYREFCHECK_WORKSET_H

#include <stddef.h>

#include "cli.h"
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

/* Collect the work of a scan (pyinc: the configured Python include
 * directory, may be NULL); prints a clear error and returns -1 on failure. */
int workset_collect(const cli_options *o, const char *pyinc, work_list *w);
/* The Python include directory: --python-include, the configured one,
 * python3-config --includes, or the newest /usr/include/python3.X (caller
 * frees; NULL when none is found). */
char *workset_python_include(const cli_options *o, const char *configured);
/* The single item for a file (dump-ir); pyinc may be NULL. */
void workset_add_file(work_list *w, const char *file, const char *pyinc,
                      const cli_options *o);
/* Remove the items whose file matches an --exclude / config exclude. */
void workset_drop_excluded(work_list *w, const ruleset *rs);
/* Keep only the items of shard k (1-based) of n, chosen by path. */
void workset_shard(work_list *w, unsigned k, unsigned n);
void work_list_free(work_list *w);

#endif
