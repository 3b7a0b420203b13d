/* report_impl.h - internal interface between the report writers:
 * report.c (text, JSON, SARIF, and the dispatch), report_ci.c (GitHub,
 * GitLab) and report_html.c (HTML).  Not for other modules. */
#ifndef PYREFCHECK_REPORT_IMPL_H
#define PYREFCHECK_REPORT_IMPL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "report.h"

/* A JSON string of s (NULL -> null), with invalid UTF-8 repaired. */
json_t *report_jstr(const char *s);
/* file relative to root when it lies below it, else as given (caller
 * frees). */
char *report_relative_path(const char *file, const char *root);
/* Write doc (consumed) pretty-printed with a final newline. */
int report_dump_json(FILE *out, json_t *doc);

int report_write_github(FILE *out, const finding_list *l, const report_info *info);
int report_write_gitlab(FILE *out, const finding_list *l, const report_info *info);
int report_write_html(FILE *out, const finding_list *l, const report_info *info);

#endif
