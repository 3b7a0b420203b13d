/* config.h - the project configuration file: a [pyrefcheck] section in
 * .pyrefcheck.cfg or setup.cfg, found by walking up from the current
 * directory (or named with --config), read with libinih.
 *
 *   [pyrefcheck]
 *   enable = ref-leak, null-deref      ; only these rules
 *   disable = use-after-release
 *   exclude = vendor/%, build/%        ; globs of files not to scan
 *   rules = rules/numpy.rules          ; extra rules files
 *   python-include = /usr/include/python3.11
 *   baseline-file = .pyrefcheck-baseline
 *
 *   [pyrefcheck:tests/%]               ; settings for matching files only
 *   disable = ref-leak
 *
 * (In the globs above, read % as an asterisk.)
 *
 * Ownership: a config owns its strings; config_free releases them.  Rule
 * settings go into the caller's ruleset. */
#ifndef PYREFCHECK_CONFIG_H
#define PYREFCHECK_CONFIG_H

#include <stddef.h>

#include "../rules/ruleset.h"

typedef struct config {
    char *path;            /* the file read, NULL when none was found */
    char *python_include;
    char *baseline_file;
    char **rules_files;
    size_t nrules, caprules;
} config;

/* Load the configuration: explicit (may be NULL) or the first
 * .pyrefcheck.cfg / setup.cfg with a [pyrefcheck] section found walking up
 * from the current directory.  Errors are "file:line: reason"; returns -1
 * on error, 0 otherwise (also when there is no configuration file). */
int config_load(config *c, ruleset *rs, const char *explicit_path,
                char *err, size_t errlen);
void config_free(config *c);

#endif
