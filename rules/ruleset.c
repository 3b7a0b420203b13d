/* ruleset.c - the table of rule ids and the enable/disable/exclude
 * settings.  Globs are matched with fnmatch(3) against the path as given,
 * where '*' also crosses directories. */
#include "ruleset.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/util.h"

static const rule_info rule_table[] = {
    { "ref-leak", "RefLeak", "A new reference is never released.",
      "Release it (Py_DECREF/Py_XDECREF) or hand it over on every path, "
      "error paths included." },
    { "ref-overrelease", "RefOverrelease",
      "A reference is released more often than it is owned.",
      "Do not release borrowed references; Py_INCREF or Py_NewRef what you "
      "return or hand to a call that steals it." },
    { "use-after-release", "UseAfterRelease",
      "An object is used after its reference was released.",
      "Use the object before releasing it, or keep a reference while you "
      "use it." },
    { "null-deref", "NullDeref",
      "A result that may be NULL is dereferenced without a check.",
      "Check the result for NULL first, or use Py_XDECREF." },
    { "null-return-no-exception", "NullReturnNoException",
      "NULL is returned to Python without an exception set.",
      "Set an exception (PyErr_SetString, PyErr_Format) before returning "
      "NULL." },
    { "format-mismatch", "FormatMismatch",
      "Arguments do not match the format string of the call.",
      "Make the arguments match the format units." },
    { "methoddef-mismatch", "MethoddefMismatch",
      "A PyMethodDef entry's flags do not match its C function.",
      "Give the function the signature its METH_ flags call for." },
    { "gil-violation", "GilViolation",
      "The Python C API is used without holding the GIL.",
      "Call the API only between Py_END_ALLOW_THREADS and the next "
      "Py_BEGIN_ALLOW_THREADS." },
    { "exception-state", "ExceptionState",
      "The exception state does not match the return value.",
      "Check the result of calls that can fail and propagate the error." },
    { "gc-traverse-incomplete", "GcTraverseIncomplete",
      "tp_traverse or tp_clear misses an object the instance owns.",
      "Py_VISIT every owned PyObject * member in tp_traverse (and "
      "Py_TYPE(self) for heap types); Py_CLEAR each in tp_clear." },
    { "gc-missing-flag", "GcMissingFlag",
      "A type that owns references to arbitrary objects lacks GC support.",
      "Add Py_TPFLAGS_HAVE_GC with tp_traverse and tp_clear." },
    { "gc-dealloc", "GcDealloc",
      "tp_dealloc breaks the collector's protocol or leaks.",
      "Call PyObject_GC_UnTrack before releasing members, free with "
      "Py_TYPE(self)->tp_free, Py_DECREF the type of a heap type, and save "
      "the current exception around calls that can raise." },
    { "gc-alloc", "GcAlloc",
      "A GC object is allocated or tracked incorrectly.",
      "Allocate with PyObject_GC_New and track after initialising." },
};

#define NRULES (sizeof rule_table / sizeof rule_table[0])

const rule_info *rule_info_find(const char *id)
{
    for (size_t i = 0; id && i < NRULES; i++)
        if (!strcmp(rule_table[i].id, id))
            return &rule_table[i];
    return NULL;
}

size_t rule_info_count(void)
{
    return NRULES;
}

const rule_info *rule_info_at(size_t i)
{
    return i < NRULES ? &rule_table[i] : NULL;
}

/* One setting: for files matching glob (NULL: all), rule is enabled-only
 * or disabled. */
typedef struct rule_setting {
    char *glob;
    const char *rule;   /* static, from rule_table */
    bool enable;
} rule_setting;

struct ruleset {
    rule_setting *settings;
    size_t len, cap;
    char **excludes;
    size_t nexcludes, capexcludes;
};

ruleset *ruleset_new(void)
{
    return xcalloc(1, sizeof(ruleset));
}

void ruleset_free(ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->len; i++)
        free(rs->settings[i].glob);
    free(rs->settings);
    for (size_t i = 0; i < rs->nexcludes; i++)
        free(rs->excludes[i]);
    free(rs->excludes);
    free(rs);
}

static int add_list(ruleset *rs, const char *glob, const char *list,
                    bool enable, char *err, size_t errlen)
{
    char *copy = xstrdup(list), *save = NULL;
    int rc = 0;
    for (char *w = strtok_r(copy, ", \t", &save); w && rc == 0;
         w = strtok_r(NULL, ", \t", &save)) {
        const rule_info *ri = rule_info_find(w);
        if (!ri) {
            snprintf(err, errlen, "unknown rule '%s'", w);
            rc = -1;
            break;
        }
        rule_setting s = { xstrdup(glob), ri->id, enable };
        ARRAY_PUSH(rs->settings, rs->len, rs->cap, s);
    }
    free(copy);
    return rc;
}

int ruleset_enable(ruleset *rs, const char *glob, const char *list,
                   char *err, size_t errlen)
{
    return add_list(rs, glob, list, true, err, errlen);
}

int ruleset_disable(ruleset *rs, const char *glob, const char *list,
                    char *err, size_t errlen)
{
    return add_list(rs, glob, list, false, err, errlen);
}

void ruleset_exclude(ruleset *rs, const char *glob)
{
    char *g = xstrdup(glob);
    ARRAY_PUSH(rs->excludes, rs->nexcludes, rs->capexcludes, g);
}

static bool glob_matches(const char *glob, const char *path)
{
    if (!glob)
        return true;
    if (!strncmp(path, "./", 2))
        path += 2;
    return fnmatch(glob, path, 0) == 0;
}

bool ruleset_excluded(const ruleset *rs, const char *path)
{
    for (size_t i = 0; rs && i < rs->nexcludes; i++)
        if (glob_matches(rs->excludes[i], path))
            return true;
    return false;
}

/* Settings for the files matching path apply in order: an enable list for
 * those files limits them to the listed rules; a disable turns one off. */
bool ruleset_allows(const ruleset *rs, const char *rule, const char *path)
{
    if (!rs)
        return true;
    bool limited = false, listed = false, disabled = false;
    for (size_t i = 0; i < rs->len; i++) {
        const rule_setting *s = &rs->settings[i];
        if (!glob_matches(s->glob, path ? path : ""))
            continue;
        if (s->enable) {
            limited = true;
            listed = listed || !strcmp(s->rule, rule);
        } else if (!strcmp(s->rule, rule)) {
            disabled = true;
        }
    }
    return !disabled && (!limited || listed);
}
