/* report.h - printing findings: gcc-style text, JSON and SARIF 2.1.0.
 *
 * The report layer only reads the findings it is given; it owns nothing
 * beyond the call. */
#ifndef PYREFCHECK_REPORT_H
#define PYREFCHECK_REPORT_H

#include <stdio.h>

#include "finding.h"

typedef enum {
    REPORT_TEXT, REPORT_JSON, REPORT_SARIF, REPORT_GITHUB, REPORT_GITLAB,
    REPORT_HTML
} report_format;

typedef struct report_info {
    const char *tool_version;   /* e.g. "0.1.0" */
    const char *root;           /* directory file paths are relative to, may be NULL */
} report_info;

/* Parse "text", "json", "sarif", "github", "gitlab" or "html"; returns 0
 * and sets *fmt, or -1. */
int report_format_parse(const char *name, report_format *fmt);

/* Write the findings in the chosen format.  Returns 0 or -1 on I/O error. */
int report_write(FILE *out, report_format fmt, const finding_list *findings,
                 const report_info *info);

#endif
