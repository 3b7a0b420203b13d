/* scan.h - the scan and dump-ir commands: choosing the translation units
 * and their flags (compile_commands.json or files/directories), running the
 * front end and the engine on each, and storing the results.
 *
 * Ownership: work lists and their strings are owned by scan.c. */
#ifndef PYREFCHECK_SCAN_H
#define PYREFCHECK_SCAN_H

#include "baseline.h"
#include "cli.h"
#include "config.h"
#include "../db/store.h"
#include "../rules/apirules.h"

/* Load the bundled rules, the configuration's rules files (cfg may be
 * NULL) and any --rules files; NULL with err set on failure. */
api_rules *scan_load_rules(const cli_options *o, const config *cfg, char *err,
                           size_t errlen);

/* Remove (and free) the findings of fl whose fingerprint is in the
 * baseline (the file when given, else the database's); *dropped (may be
 * NULL) counts them.  Returns -1, after printing why, when the baseline
 * cannot be read (nothing is then removed). */
int scan_apply_baseline(store *db, const char *file, finding_list *fl,
                        size_t *dropped);

/* Run `pyrefcheck scan`; returns the exit code.  command_line is stored
 * with the run. */
int scan_main(const cli_options *o, const char *command_line);

/* Run `pyrefcheck dump-ir`; returns the exit code. */
int dump_ir_main(const cli_options *o);

#endif
