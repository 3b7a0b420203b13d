/* wire.c - item results to and from one JSON line. */
#include "wire.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- encoding ---- */

/* A string; one that is not valid UTF-8 (a file name, say) travels as
 * {"x": hex digits} so that its bytes arrive unchanged. */
static json_t *jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (j)
        return j;
    size_t n = strlen(s);
    char *hex = xmalloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned char)s[i]);
    j = json_pack("{s:s}", "x", hex);
    free(hex);
    return j;
}

static json_t *enc_finding(const finding *f)
{
    json_t *steps = json_array();
    for (size_t i = 0; i < f->nsteps; i++)
        json_array_append_new(steps, json_pack("[o, I, I, o]", jstr(f->steps[i].file),
                                               (json_int_t)f->steps[i].line,
                                               (json_int_t)f->steps[i].col,
                                               jstr(f->steps[i].message)));
    return json_pack("{s:o, s:o, s:o, s:I, s:I, s:o, s:o, s:o, s:b, s:o}",
                     "rule", jstr(f->rule), "severity", jstr(f->severity),
                     "file", jstr(f->file), "line", (json_int_t)f->line,
                     "col", (json_int_t)f->col, "function", jstr(f->function),
                     "message", jstr(f->message), "fingerprint", jstr(f->fingerprint),
                     "suppressed", f->suppressed, "steps", steps);
}

static json_t *enc_list(const finding_list *l)
{
    json_t *a = json_array();
    for (size_t i = 0; i < l->len; i++)
        json_array_append_new(a, enc_finding(&l->items[i]));
    return a;
}

static json_t *enc_deps(const item_result *r)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->ndeps; i++)
        json_array_append_new(a, json_pack("[o, s]", jstr(r->deps[i].path),
                                           r->deps[i].hash));
    return a;
}

char *wire_encode(const item_result *r)
{
    json_t *doc = json_pack(
        "{s:o, s:i, s:o, s:s, s:o, s:o, s:[I, I, I], s:I, s:b, s:o}",
        "file", jstr(r->file), "status", (int)r->status, "log", jstr(r->log),
        "hash", r->hash, "findings", enc_list(&r->findings),
        "notes", enc_list(&r->notes), "stats", (json_int_t)r->stats.functions,
        (json_int_t)r->stats.incomplete, (json_int_t)r->stats.paths,
        "unused", (json_int_t)r->unused, "bad_suppression", r->bad_suppression,
        "deps", enc_deps(r));
    char *line = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    return line;
}

/* ---- decoding ---- */

static char *dstr(json_t *j)
{
    if (json_is_string(j))
        return xstrndup(json_string_value(j), json_string_length(j));
    const char *hex = json_string_value(json_object_get(j, "x"));
    if (!hex)
        return NULL;
    size_t n = strlen(hex) / 2;
    char *out = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned v = 0;
        sscanf(hex + 2 * i, "%2x", &v);
        out[i] = (char)v;
    }
    out[n] = '\0';
    return out;
}

static unsigned duint(json_t *j)
{
    return json_is_integer(j) ? (unsigned)json_integer_value(j) : 0;
}

static void dec_finding(json_t *j, finding *f)
{
    memset(f, 0, sizeof *f);
    f->rule = dstr(json_object_get(j, "rule"));
    f->severity = dstr(json_object_get(j, "severity"));
    f->file = dstr(json_object_get(j, "file"));
    f->line = duint(json_object_get(j, "line"));
    f->col = duint(json_object_get(j, "col"));
    f->function = dstr(json_object_get(j, "function"));
    f->message = dstr(json_object_get(j, "message"));
    f->fingerprint = dstr(json_object_get(j, "fingerprint"));
    f->suppressed = json_is_true(json_object_get(j, "suppressed"));
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(j, "steps"), i, s) {
        char *file = dstr(json_array_get(s, 0)), *msg = dstr(json_array_get(s, 3));
        finding_add_step(f, file, duint(json_array_get(s, 1)),
                         duint(json_array_get(s, 2)), msg);
        free(file);
        free(msg);
    }
}

static void dec_list(json_t *a, finding_list *l)
{
    size_t i;
    json_t *j;
    json_array_foreach(a, i, j) {
        finding f;
        dec_finding(j, &f);
        finding_list_push(l, &f);
    }
}

static void dec_deps(json_t *a, item_result *r)
{
    size_t i;
    json_t *j;
    json_array_foreach(a, i, j) {
        dep_hash d;
        d.path = dstr(json_array_get(j, 0));
        const char *h = json_string_value(json_array_get(j, 1));
        snprintf(d.hash, sizeof d.hash, "%s", h ? h : "");
        ARRAY_PUSH(r->deps, r->ndeps, r->capdeps, d);
    }
}

int wire_decode(const char *line, item_result *r)
{
    memset(r, 0, sizeof *r);
    json_error_t err;
    json_t *doc = json_loads(line, JSON_ALLOW_NUL, &err);
    if (!doc)
        return -1;
    r->file = dstr(json_object_get(doc, "file"));
    r->status = (item_status)duint(json_object_get(doc, "status"));
    r->log = dstr(json_object_get(doc, "log"));
    const char *h = json_string_value(json_object_get(doc, "hash"));
    snprintf(r->hash, sizeof r->hash, "%s", h ? h : "");
    dec_list(json_object_get(doc, "findings"), &r->findings);
    dec_list(json_object_get(doc, "notes"), &r->notes);
    json_t *st = json_object_get(doc, "stats");
    r->stats.functions = duint(json_array_get(st, 0));
    r->stats.incomplete = duint(json_array_get(st, 1));
    r->stats.paths = duint(json_array_get(st, 2));
    r->unused = duint(json_object_get(doc, "unused"));
    r->bad_suppression = json_is_true(json_object_get(doc, "bad_suppression"));
    dec_deps(json_object_get(doc, "deps"), r);
    json_decref(doc);
    return r->file ? 0 : -1;
}
