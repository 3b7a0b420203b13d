/* suppress.h - inline suppressions: a line comment or a block comment
 * holding
 *     pyrefcheck: ignore[ref-leak,null-deref]
 *     pyrefcheck: ignore              (every rule)
 * on a finding's line or on the line before it marks the finding as
 * suppressed: it is stored, but neither printed nor failed on.
 *
 * Ownership: a suppression_list owns its entries; suppress_free releases. */
#ifndef PYREFCHECK_SUPPRESS_H
#define PYREFCHECK_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "finding.h"

typedef struct suppression {
    unsigned line;
    char *rules;        /* comma-separated ids, NULL for every rule */
    bool used;
} suppression;

typedef struct suppression_list {
    suppression *items;
    size_t len, cap;
} suppression_list;

/* Find the suppression comments in text (the source of path).  An unknown
 * rule id is an error: -1 with "path:line: unknown rule 'x' in
 * suppression" in err. */
int suppress_scan(const char *path, const char *text, suppression_list *out,
                  char *err, size_t errlen);
/* Mark the findings that a suppression covers. */
void suppress_apply(suppression_list *sl, finding_list *findings);
void suppress_free(suppression_list *sl);

#endif
