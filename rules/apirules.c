/* apirules.c - loading and looking up the API rules table.
 *
 * Each non-blank, non-comment line is
 *     function|macro|slot NAME key=value ... [flag ...]
 * as documented in rules/FORMAT.md.  The table is an open-addressing hash
 * keyed by (name, is_macro, is_slot). */
#include "apirules.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/util.h"

struct api_rules {
    api_rule *slots;   /* name == NULL: empty */
    size_t cap, count;
};

api_rules *api_rules_new(void)
{
    api_rules *r = xcalloc(1, sizeof *r);
    r->cap = 1024;
    r->slots = xcalloc(r->cap, sizeof *r->slots);
    return r;
}

static void rule_free(api_rule *rule)
{
    free(rule->name);
    free(rule->origin);
    free(rule->member);
    free(rule->never_is);
    free(rule->table);
}

void api_rules_free(api_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->cap; i++)
        if (r->slots[i].name)
            rule_free(&r->slots[i]);
    free(r->slots);
    free(r);
}

/* Which names a rule is matched on: functions, macros or type slots. */
typedef enum { SPACE_FUNCTION, SPACE_MACRO, SPACE_SLOT } name_space;

static name_space space_of(const api_rule *rule)
{
    return rule->is_slot ? SPACE_SLOT : rule->is_macro ? SPACE_MACRO
                                                       : SPACE_FUNCTION;
}

static size_t name_hash(const char *s, name_space space)
{
    static const size_t seeds[] = { 5381u, 0x9e3779b9u, 0x85ebca6bu };
    size_t h = seeds[space];
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static api_rule *slot_for(api_rule *slots, size_t cap, const char *name,
                          name_space space)
{
    size_t i = name_hash(name, space) & (cap - 1);
    while (slots[i].name &&
           (space_of(&slots[i]) != space || strcmp(slots[i].name, name)))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void grow(api_rules *r)
{
    size_t ncap = r->cap * 2;
    api_rule *ns = xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < r->cap; i++)
        if (r->slots[i].name)
            *slot_for(ns, ncap, r->slots[i].name, space_of(&r->slots[i])) =
                r->slots[i];
    free(r->slots);
    r->slots = ns;
    r->cap = ncap;
}

static void insert(api_rules *r, api_rule *rule)
{
    if ((r->count + 1) * 2 > r->cap)
        grow(r);
    api_rule *slot = slot_for(r->slots, r->cap, rule->name, space_of(rule));
    if (slot->name)
        rule_free(slot);
    else
        r->count++;
    *slot = *rule;
}

void api_rules_put(api_rules *r, const api_rule *rule)
{
    api_rule copy = *rule;
    copy.name = xstrdup(rule->name);
    copy.origin = xstrdup(rule->origin);
    copy.member = xstrdup(rule->member);
    copy.never_is = xstrdup(rule->never_is);
    copy.table = xstrdup(rule->table);
    insert(r, &copy);
}

static const api_rule *find_in(const api_rules *r, const char *name,
                               name_space space)
{
    if (!r || !name)
        return NULL;
    const api_rule *slot = slot_for(r->slots, r->cap, name, space);
    return slot->name ? slot : NULL;
}

const api_rule *api_rules_find(const api_rules *r, const char *name,
                               bool is_macro)
{
    return find_in(r, name, is_macro ? SPACE_MACRO : SPACE_FUNCTION);
}

const api_rule *api_rules_find_slot(const api_rules *r, const char *name)
{
    return find_in(r, name, SPACE_SLOT);
}

size_t api_rules_count(const api_rules *r)
{
    return r ? r->count : 0;
}

static int cmp_rule(const void *a, const void *b)
{
    const api_rule *x = *(const api_rule *const *)a, *y = *(const api_rule *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : (int)space_of(x) - (int)space_of(y);
}

size_t api_rules_sorted(const api_rules *r, const api_rule ***out)
{
    const api_rule **list = xmalloc((api_rules_count(r) + 1) * sizeof *list);
    size_t n = 0;
    for (size_t i = 0; r && i < r->cap; i++)
        if (r->slots[i].name)
            list[n++] = &r->slots[i];
    if (n > 1)
        qsort(list, n, sizeof *list, cmp_rule);
    *out = list;
    return n;
}

/* ---- parsing ---- */

typedef struct word_map {
    const char *word;
    int value;
} word_map;

static const word_map return_words[] = {
    { "new", RET_NEW }, { "borrowed", RET_BORROWED }, { "void", RET_VOID },
    { "int", RET_INT }, { "other", RET_OTHER }, { "null", RET_NULL },
    { NULL, 0 }
};

static const word_map fail_words[] = {
    { "null", FAIL_NULL }, { "-1", FAIL_NEG1 }, { "0", FAIL_ZERO },
    { "occurred", FAIL_OCCURRED },
    { "never", FAIL_NEVER }, { NULL, 0 }
};

static const word_map effect_words[] = {
    { "incref", EFFECT_INCREF }, { "xincref", EFFECT_XINCREF },
    { "decref", EFFECT_DECREF }, { "xdecref", EFFECT_XDECREF },
    { "clear", EFFECT_CLEAR }, { "newref", EFFECT_NEWREF },
    { "xnewref", EFFECT_XNEWREF }, { "setref", EFFECT_SETREF },
    { "xsetref", EFFECT_XSETREF }, { NULL, 0 }
};

static const word_map gc_words[] = {
    { "track", GC_TRACK }, { "untrack", GC_UNTRACK }, { "free", GC_FREE },
    { "plain-free", GC_PLAIN_FREE }, { "new", GC_NEW },
    { "plain-new", GC_PLAIN_NEW }, { "type-of", GC_TYPE_OF },
    { "from-spec", GC_FROM_SPEC }, { "type-test", GC_TYPE_TEST },
    { "saves-error", GC_SAVES_ERROR }, { NULL, 0 }
};

static const word_map object_words[] = {
    { "bytes", OBJ_BYTES }, { "str", OBJ_STR }, { "tuple", OBJ_TUPLE },
    { "list", OBJ_LIST }, { "dict", OBJ_DICT }, { "heap-type", OBJ_HEAP_TYPE },
    { NULL, 0 }
};

static int map_word(const word_map *m, const char *w, int *out)
{
    for (; m->word; m++)
        if (!strcmp(m->word, w)) {
            *out = m->value;
            return 0;
        }
    return -1;
}

/* "1,3" -> bitmask of 1-based positions (1..32). */
static int parse_positions(const char *s, unsigned *mask)
{
    *mask = 0;
    while (*s) {
        char *end;
        long n = strtol(s, &end, 10);
        if (end == s || n < 1 || n > 32)
            return -1;
        *mask |= 1u << (n - 1);
        s = end;
        if (*s == ',')
            s++;
        else if (*s)
            return -1;
    }
    return 0;
}

/* "3.10" -> 0x030a0000 */
static int parse_version(const char *s, unsigned *out)
{
    unsigned major, minor;
    char extra;
    if (sscanf(s, "%u.%u%c", &major, &minor, &extra) != 2 || major > 255 ||
        minor > 255)
        return -1;
    *out = (major << 24) | (minor << 16);
    return 0;
}

/* "word[:N]" -> the word's value from m and N (default 1). */
static int parse_word_arg(const word_map *m, const char *v, int *value,
                          unsigned *arg)
{
    char kind[32];
    *arg = 1;
    const char *colon = strchr(v, ':');
    size_t n = colon ? (size_t)(colon - v) : strlen(v);
    if (n >= sizeof kind)
        return -1;
    memcpy(kind, v, n);
    kind[n] = '\0';
    char extra;
    if (colon && (sscanf(colon + 1, "%u%c", arg, &extra) != 1 || *arg < 1))
        return -1;
    return map_word(m, kind, value);
}

static int parse_effect(const char *v, api_rule *rule)
{
    int e;
    if (parse_word_arg(effect_words, v, &e, &rule->effect_arg))
        return -1;
    rule->effect = (api_effect)e;
    return 0;
}

static int parse_gc(const char *v, api_rule *rule)
{
    int g;
    if (parse_word_arg(gc_words, v, &g, &rule->gc_arg))
        return -1;
    rule->gc = (api_gc)g;
    return 0;
}

typedef struct flag_spec {
    const char *word;
    size_t offset;   /* of the field in api_rule (a bool for flags) */
} flag_spec;

static const flag_spec flags[] = {
    { "noreturn", offsetof(api_rule, noreturn) },
    { "raises", offsetof(api_rule, raises) },
    { "clears-error", offsetof(api_rule, clears_error) },
    { "tests-error", offsetof(api_rule, tests_error) },
    { "null-ok", offsetof(api_rule, null_ok) },
    { "checks-null", offsetof(api_rule, checks_null) },
    { "returns-value", offsetof(api_rule, returns_value) },
    { "releases-gil", offsetof(api_rule, releases_gil) },
    { "acquires-gil", offsetof(api_rule, acquires_gil) },
    { "no-gil", offsetof(api_rule, no_gil) },
    { "misuse-only", offsetof(api_rule, misuse_only) },
    { "atomic", offsetof(api_rule, atomic) },
    { "stack-memory", offsetof(api_rule, stack_memory) },
    { "returns-zero", offsetof(api_rule, returns_zero) },
    { "or-static", offsetof(api_rule, or_static) },
    { "two-refs", offsetof(api_rule, two_refs) },
    { "fresh", offsetof(api_rule, fresh) },
    { "format-result", offsetof(api_rule, format_result) },
    { "size-of", offsetof(api_rule, size_of) },
    { "item-get", offsetof(api_rule, item_get) },
    { "item-set", offsetof(api_rule, item_set) },
    { "item-put", offsetof(api_rule, item_put) },
    { NULL, 0 }
};

static const char *apply_flag(api_rule *rule, const char *word)
{
    for (const flag_spec *f = flags; f->word; f++)
        if (!strcmp(f->word, word)) {
            *(bool *)((char *)rule + f->offset) = true;
            return NULL;
        }
    return "unknown flag";
}

/* "parse:N[:M]" or "build:N[:M]": the format string is argument N, its
 * values start at argument M (default N + 1). */
static int parse_format(const char *v, api_rule *rule)
{
    char kind[8];
    unsigned n = 0, m = 0;
    int got = sscanf(v, "%7[a-z]:%u:%u", kind, &n, &m);
    if (got < 2 || n < 1 || (strcmp(kind, "parse") && strcmp(kind, "build")))
        return -1;
    rule->format_build = !strcmp(kind, "build");
    rule->format_arg = n;
    rule->format_values = got == 3 ? m : n + 1;
    return rule->format_values > n ? 0 : -1;
}

/* Keys whose value is one 1-based argument position. */
static const flag_spec position_keys[] = {
    { "null-if", offsetof(api_rule, null_if_arg) },
    { "new-size", offsetof(api_rule, new_size_arg) },
    { "nonzero-if", offsetof(api_rule, nonzero_if_arg) },
    { "out-new", offsetof(api_rule, out_new) },
    { "returns-arg", offsetof(api_rule, returns_arg) },
    { "zero-iff", offsetof(api_rule, zero_iff_arg) },
    { NULL, 0 }
};

/* A position key: 1 when key is one (its value read, *err set when it is
 * bad), 0 when it is not. */
static int apply_position(api_rule *rule, const char *key, const char *val,
                          const char **err)
{
    for (const flag_spec *k = position_keys; k->word; k++)
        if (!strcmp(k->word, key)) {
            unsigned *pos = (unsigned *)((char *)rule + k->offset);
            *err = sscanf(val, "%u", pos) == 1 && *pos ? NULL
                                                      : "bad argument position";
            return 1;
        }
    return 0;
}

/* Apply one "key=value" or flag word; returns an error text or NULL. */
static const char *apply_attr(api_rule *rule, const char *key,
                              const char *val)
{
    int x;
    const char *err = NULL;
    if (!val)
        return apply_flag(rule, key);
    if (apply_position(rule, key, val, &err))
        return err;
    if (!strcmp(key, "returns"))
        return map_word(return_words, val, &x) ? "unknown return kind"
                                               : (rule->ret = x, NULL);
    if (!strcmp(key, "fails"))
        return map_word(fail_words, val, &x) ? "unknown failure kind"
                                             : (rule->fail = x, NULL);
    if (!strcmp(key, "effect"))
        return parse_effect(val, rule) ? "bad effect" : NULL;
    if (!strcmp(key, "gc"))
        return parse_gc(val, rule) ? "bad gc role" : NULL;
    if (!strcmp(key, "steals"))
        return parse_positions(val, &rule->steals) ? "bad argument list" : NULL;
    if (!strcmp(key, "steals-on-success"))
        return parse_positions(val, &rule->steals_on_success)
                   ? "bad argument list" : NULL;
    if (!strcmp(key, "steals-on-failure"))
        return parse_positions(val, &rule->steals_on_failure)
                   ? "bad argument list" : NULL;
    if (!strcmp(key, "nonnull"))
        return parse_positions(val, &rule->nonnull) ? "bad argument list" : NULL;
    if (!strcmp(key, "makes"))
        return map_word(object_words, val, &x) ? "unknown object kind"
                                               : (rule->makes = x, NULL);
    if (!strcmp(key, "fails-unless"))
        return parse_word_arg(object_words, val, &x, &rule->fails_unless_arg)
                   ? "bad object kind" : (rule->fails_unless = x, NULL);
    if (!strcmp(key, "cached"))
        return sscanf(val, "%lld:%lld", &rule->cached_lo, &rule->cached_hi) == 2 &&
               rule->cached_lo <= rule->cached_hi
                   ? (rule->cached_range = true, NULL) : "bad range";
    if (!strcmp(key, "tests-kind"))
        return parse_word_arg(object_words, val, &x, &rule->tests_kind_arg)
                   ? "bad object kind" : (rule->tests_kind = x, NULL);
    if (!strcmp(key, "refers-to"))
        return parse_positions(val, &rule->refers_to) ? "bad argument list" : NULL;
    if (!strcmp(key, "keeps"))
        return parse_positions(val, &rule->keeps) ? "bad argument list" : NULL;
    if (!strcmp(key, "outputs"))
        return sscanf(val, "%u", &rule->unpack_outputs) == 1 && rule->unpack_outputs
                   ? NULL : "bad outputs position";
    if (!strcmp(key, "format"))
        return parse_format(val, rule) ? "bad format spec" : NULL;
    if (!strcmp(key, "member")) {
        free(rule->member);
        rule->member = xstrdup(val);
        return NULL;
    }
    if (!strcmp(key, "never-is")) {
        free(rule->never_is);
        rule->never_is = xstrdup(val);
        return NULL;
    }
    if (!strcmp(key, "since"))
        return parse_version(val, &rule->since) ? "bad version" : NULL;
    if (!strcmp(key, "until"))
        return parse_version(val, &rule->until) ? "bad version" : NULL;
    return "unknown key";
}

#define MAX_WORDS 32

static size_t split_words(char *line, char **words)
{
    size_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(line, " \t\r", &save); w && n < MAX_WORDS;
         w = strtok_r(NULL, " \t\r", &save))
        words[n++] = w;
    return n;
}

static int parse_line(api_rules *r, const char *origin, unsigned lineno,
                      char *line, char *err, size_t errlen)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    char *words[MAX_WORDS];
    size_t n = split_words(line, words);
    if (n == 0)
        return 0;
    bool is_macro = !strcmp(words[0], "macro");
    bool is_slot = !strcmp(words[0], "slot");
    if (!is_macro && !is_slot && strcmp(words[0], "function")) {
        snprintf(err, errlen, "%s:%u: expected 'function', 'macro' or 'slot', "
                 "got '%s'", origin, lineno, words[0]);
        return -1;
    }
    if (n < 2) {
        snprintf(err, errlen, "%s:%u: missing name", origin, lineno);
        return -1;
    }
    api_rule rule;
    memset(&rule, 0, sizeof rule);
    rule.is_macro = is_macro;
    rule.is_slot = is_slot;
    for (size_t i = 2; i < n; i++) {
        char *eq = strchr(words[i], '=');
        if (eq)
            *eq = '\0';
        const char *why = apply_attr(&rule, words[i], eq ? eq + 1 : NULL);
        if (why) {
            snprintf(err, errlen, "%s:%u: %s '%s%s%s'", origin, lineno, why,
                     words[i], eq ? "=" : "", eq ? eq + 1 : "");
            free(rule.member);
            free(rule.never_is);
            return -1;
        }
    }
    rule.name = xstrdup(words[1]);
    rule.origin = xasprintf("%s:%u", origin, lineno);
    insert(r, &rule);
    return 0;
}

int api_rules_load_text(api_rules *r, const char *origin, const char *text,
                        char *err, size_t errlen)
{
    unsigned lineno = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, len);
        lineno++;
        int rc = parse_line(r, origin, lineno, line, err, errlen);
        free(line);
        if (rc)
            return -1;
        p += len + (nl ? 1 : 0);
    }
    return 0;
}

int api_rules_load_file(api_rules *r, const char *path, char *err,
                        size_t errlen)
{
    char *text = read_file(path, NULL);
    if (!text) {
        snprintf(err, errlen, "%s: cannot read rules file: %s", path,
                 strerror(errno));
        return -1;
    }
    int rc = api_rules_load_text(r, path, text, err, errlen);
    free(text);
    return rc;
}
