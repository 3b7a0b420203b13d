/* ruleset.h - the rule ids pyrefcheck knows (with their descriptions),
 * and which of them apply to which files: --enable/--disable, the
 * configuration file's per-path settings, and --exclude globs.
 *
 * Ownership: a ruleset owns copies of every string given to it;
 * ruleset_free releases them.  rule_info entries are static. */
#ifndef PYREFCHECK_RULESET_H
#define PYREFCHECK_RULESET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rule_info {
    const char *id;     /* e.g. "ref-leak": part of the interface */
    const char *name;   /* PascalCase, for SARIF */
    const char *text;   /* one-sentence description */
    const char *help;   /* how to fix it */
} rule_info;

const rule_info *rule_info_find(const char *id);
size_t rule_info_count(void);
const rule_info *rule_info_at(size_t i);

typedef struct ruleset ruleset;

ruleset *ruleset_new(void);
void ruleset_free(ruleset *rs);

/* Enable only / disable the comma-separated rule ids in list, for every
 * file (glob NULL) or for the files matching glob.  Several enable lists
 * add up.  An unknown id is an error: -1 with "unknown rule 'x'" in err. */
int ruleset_enable(ruleset *rs, const char *glob, const char *list,
                   char *err, size_t errlen);
int ruleset_disable(ruleset *rs, const char *glob, const char *list,
                    char *err, size_t errlen);
void ruleset_exclude(ruleset *rs, const char *glob);

/* Is path excluded from the scan? */
bool ruleset_excluded(const ruleset *rs, const char *path);
/* Does rule apply to findings in path? */
bool ruleset_allows(const ruleset *rs, const char *rule, const char *path);

#endif
