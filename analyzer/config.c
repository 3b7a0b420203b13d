/* config.c - finding and reading the configuration file (libinih). */
#include "config.h"

#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

typedef struct load_ctx {
    config *c;
    ruleset *rs;
    char *dir;            /* directory of the file, for relative paths */
    char reason[256];     /* why the handler refused a line */
    int sections;         /* [pyrefcheck...] sections seen */
} load_ctx;

static char *relative_to(const char *dir, const char *path)
{
    if (path[0] == '/' || !dir)
        return xstrdup(path);
    return xasprintf("%s/%s", dir, path);
}

static void add_rules_files(load_ctx *x, const char *value)
{
    char *copy = xstrdup(value), *save = NULL;
    for (char *w = strtok_r(copy, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
        char *p = relative_to(x->dir, w);
        ARRAY_PUSH(x->c->rules_files, x->c->nrules, x->c->caprules, p);
    }
    free(copy);
}

static void add_excludes(ruleset *rs, const char *value)
{
    char *copy = xstrdup(value), *save = NULL;
    for (char *w = strtok_r(copy, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save))
        ruleset_exclude(rs, w);
    free(copy);
}

static void set_string(char **slot, char *value)
{
    free(*slot);
    *slot = value;
}

/* A key of the main [pyrefcheck] section; returns 0 when unknown. */
static int main_key(load_ctx *x, const char *name, const char *value)
{
    if (!strcmp(name, "exclude"))
        add_excludes(x->rs, value);
    else if (!strcmp(name, "rules"))
        add_rules_files(x, value);
    else if (!strcmp(name, "python-include"))
        set_string(&x->c->python_include, relative_to(x->dir, value));
    else if (!strcmp(name, "baseline-file"))
        set_string(&x->c->baseline_file, relative_to(x->dir, value));
    else
        return 0;
    return 1;
}

/* enable/disable, in the main section or a [pyrefcheck:GLOB] one. */
static int rule_key(load_ctx *x, const char *glob, const char *name,
                    const char *value)
{
    int rc;
    if (!strcmp(name, "enable"))
        rc = ruleset_enable(x->rs, glob, value, x->reason, sizeof x->reason);
    else if (!strcmp(name, "disable"))
        rc = ruleset_disable(x->rs, glob, value, x->reason, sizeof x->reason);
    else
        return -1;
    return rc == 0;
}

static int handler(void *user, const char *section, const char *name,
                   const char *value)
{
    load_ctx *x = user;
    bool main = !strcmp(section, "pyrefcheck");
    bool path = !strncmp(section, "pyrefcheck:", 11) && section[11];
    if (!main && !path)
        return 1;   /* another tool's section of setup.cfg */
    x->sections++;
    int rc = rule_key(x, main ? NULL : section + 11, name, value);
    if (rc >= 0)
        return rc;
    if (main && main_key(x, name, value))
        return 1;
    snprintf(x->reason, sizeof x->reason, "unknown key '%s' in [%s]", name, section);
    return 0;
}

static bool has_section(const char *path)
{
    char *text = read_file(path, NULL);
    bool yes = text && (strstr(text, "[pyrefcheck]") || strstr(text, "[pyrefcheck:"));
    free(text);
    return yes;
}

/* The nearest .pyrefcheck.cfg, or setup.cfg with a [pyrefcheck] section. */
static char *find_config(void)
{
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return NULL;
    for (;;) {
        char *p = xasprintf("%s/.pyrefcheck.cfg", dir);
        if (access(p, R_OK) == 0)
            return p;
        free(p);
        p = xasprintf("%s/setup.cfg", dir);
        if (access(p, R_OK) == 0 && has_section(p))
            return p;
        free(p);
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return NULL;
        *slash = '\0';
    }
}

int config_load(config *c, ruleset *rs, const char *explicit_path,
                char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->path = explicit_path ? xstrdup(explicit_path) : find_config();
    if (!c->path)
        return 0;
    load_ctx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.rs = rs;
    x.dir = xstrdup(c->path);
    char *slash = strrchr(x.dir, '/');
    if (slash)
        *slash = '\0';
    else
        set_string(&x.dir, NULL);
    int rc = ini_parse(c->path, handler, &x);
    free(x.dir);
    if (rc < 0)
        snprintf(err, errlen, "%s: cannot read the configuration file", c->path);
    else if (rc > 0)
        snprintf(err, errlen, "%s:%d: %s", c->path, rc,
                 x.reason[0] ? x.reason : "syntax error");
    return rc == 0 ? 0 : -1;
}

void config_free(config *c)
{
    free(c->path);
    free(c->python_include);
    free(c->baseline_file);
    for (size_t i = 0; i < c->nrules; i++)
        free(c->rules_files[i]);
    free(c->rules_files);
    memset(c, 0, sizeof *c);
}
