/* unit.h - analysing one translation unit: parse it, lower and analyse
 * its functions (callees first, so that callers use their summaries),
 * keep the findings of the rules that apply to the file, mark suppressed
 * findings.  The result is self-contained, so that a worker process can
 * send it to the process that writes the database (wire.h).
 *
 * Ownership: an item_result owns its strings and lists; item_result_free
 * releases them. */
#ifndef PYREFCHECK_UNIT_H
#define PYREFCHECK_UNIT_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "engine.h"
#include "finding.h"
#include "frontend.h"
#include "workset.h"
#include "../rules/apirules.h"
#include "../rules/ruleset.h"

typedef enum {
    ITEM_ANALYSED,       /* a Python extension, analysed */
    ITEM_NOT_EXTENSION,  /* parsed, but Python.h is not reached: skipped */
    ITEM_GENERATED,      /* Cython output: skipped with a note */
    ITEM_ERROR           /* unreadable or unparsable: a tool error */
} item_status;

typedef struct dep_hash {
    char *path;
    char hash[17];
} dep_hash;

typedef struct item_result {
    char *file;
    item_status status;
    char *log;                 /* what to print on stderr, may be NULL */
    char hash[17];             /* of the file's content */
    finding_list findings, notes;
    engine_stats stats;
    size_t unused;             /* suppressions that matched nothing */
    bool bad_suppression;      /* a malformed suppression comment */
    dep_hash *deps;            /* files the unit includes, with hashes */
    size_t ndeps, capdeps;
} item_result;

/* Content hashes of files, each file read once per process. */
typedef struct hash_cache {
    dep_hash *items;
    size_t len, cap;
} hash_cache;

/* The hash of path's content ("" when unreadable), from the cache. */
const char *hash_cache_get(hash_cache *c, const char *path);
void hash_cache_free(hash_cache *c);

typedef struct unit_ctx {
    const cli_options *o;
    const api_rules *rules;
    const ruleset *rs;
    frontend *fe;              /* one per process */
    hash_cache *hashes;        /* one per process */
} unit_ctx;

void unit_analyze(unit_ctx *u, const work_item *it, item_result *out);
void item_result_free(item_result *r);

#endif
