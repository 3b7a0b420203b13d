/* finding.h - what a checker reports: a rule violation at a source
 * position, with the path (trace steps) that leads to it.
 *
 * Ownership: a finding owns all of its strings and its steps array; a
 * finding_list owns its findings.  finding_list_free releases everything. */
#ifndef PYREFCHECK_FINDING_H
#define PYREFCHECK_FINDING_H

#include <stdbool.h>
#include <stddef.h>

typedef struct trace_step {
    char *file;
    unsigned line, col;
    char *message;
} trace_step;

typedef struct finding {
    char *rule;        /* rule id, e.g. "ref-leak" */
    char *severity;    /* "error", "warning" or "note" */
    char *file;
    unsigned line, col;
    char *function;    /* enclosing function, may be NULL */
    char *message;
    char *fingerprint; /* 16 hex digits, stable across unrelated edits */
    bool suppressed;   /* covered by a "pyrefcheck: ignore" comment */
    bool baselined;    /* its fingerprint is in the baseline */
    trace_step *steps;
    size_t nsteps, capsteps;
} finding;

typedef struct finding_list {
    finding *items;
    size_t len, cap;
} finding_list;

/* Append a step to f's trace; strings are copied. */
void finding_add_step(finding *f, const char *file, unsigned line,
                      unsigned col, const char *message);
/* Release the strings and steps of one finding (not the struct itself). */
void finding_clear(finding *f);
/* Move *f into the list (the list takes ownership; *f is zeroed). */
void finding_list_push(finding_list *l, finding *f);
void finding_list_free(finding_list *l);
/* How many findings are not suppressed (what a run fails on). */
size_t finding_list_count_unsuppressed(const finding_list *l);
/* Sort by file, line, column, rule. */
void finding_list_sort(finding_list *l);

/* Compute f->fingerprint from rule, file base name, function, the
 * position of the finding relative to its function (rel_line) and a key
 * naming the variables and API involved. */
void finding_set_fingerprint(finding *f, int rel_line, const char *key);

/* Append a finding without trace steps to l: the strings are copied, the
 * message is taken over; the fingerprint is made of rel_line and key. */
typedef struct finding_site {
    const char *rule, *severity, *file, *function;
    unsigned line, col;
    int rel_line;
    const char *key;
} finding_site;
void finding_report(finding_list *l, const finding_site *at, char *message);

#endif
