/* baseline.h - the set of known findings' fingerprints, and its text file
 * form for committing next to the code:
 *
 *     # pyrefcheck baseline 1
 *     FINGERPRINT<TAB>RULE<TAB>FILE<TAB>MESSAGE
 *
 * Ownership: a baseline owns its fingerprint strings; baseline_free
 * releases them. */
#ifndef PYREFCHECK_BASELINE_H
#define PYREFCHECK_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "finding.h"

typedef struct baseline {
    char **fps;          /* sorted */
    size_t n, cap;
} baseline;

/* Build from findings (their fingerprints; suppressed ones left out). */
void baseline_from_findings(baseline *b, const finding_list *fl);
/* Read a baseline file; errors are "file:line: reason". */
int baseline_read(baseline *b, const char *path, char *err, size_t errlen);
/* Write the unsuppressed findings of fl as a baseline file. */
int baseline_write(const finding_list *fl, const char *path, char *err,
                   size_t errlen);
bool baseline_contains(const baseline *b, const char *fingerprint);
/* Set finding.baselined for the findings whose fingerprint is known. */
void baseline_mark(const baseline *b, finding_list *fl);
void baseline_free(baseline *b);

#endif
