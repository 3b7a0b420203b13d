/* workset.c - collecting the translation units of a scan: walking
 * directories for *.c files, reading compile_commands.json, choosing the
 * Python include directory, dropping excluded files. */
#include "workset.h"

#include <clang-c/CXCompilationDatabase.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontend.h"
#include "util.h"

static void item_free(work_item *it)
{
    free(it->file);
    free(it->dir);
    for (size_t j = 0; j < it->nargs; j++)
        free(it->args[j]);
    free(it->args);
}

void work_list_free(work_list *w)
{
    for (size_t i = 0; i < w->len; i++)
        item_free(&w->items[i]);
    free(w->items);
    w->items = NULL;
    w->len = w->cap = 0;
}

static void item_add_arg(work_item *it, const char *arg)
{
    char *a = xstrdup(arg);
    ARRAY_PUSH(it->args, it->nargs, it->capargs, a);
}

/* ---- Python include directory ---- */

static char *python_include_from_config(void)
{
    FILE *p = popen("python3-config --includes 2>/dev/null", "r");
    if (!p)
        return NULL;
    char line[4096] = "";
    char *ok = fgets(line, sizeof line, p);
    pclose(p);
    if (!ok || strncmp(line, "-I", 2))
        return NULL;
    size_t n = strcspn(line + 2, " \t\n");
    return xstrndup(line + 2, n);
}

char *workset_python_include(const cli_options *o, const char *configured)
{
    if (o->python_include)
        return xstrdup(o->python_include);
    if (configured)
        return xstrdup(configured);
    char *dir = python_include_from_config();
    if (dir)
        return dir;
    for (int minor = 20; minor >= 6; minor--) {
        char *p = xasprintf("/usr/include/python3.%d/Python.h", minor);
        bool found = access(p, R_OK) == 0;
        free(p);
        if (found)
            return xasprintf("/usr/include/python3.%d", minor);
    }
    return NULL;
}

/* ---- work from the command line ---- */

static bool has_c_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && !strcmp(name + n - 2, ".c");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect *.c files under dir, sorted, skipping hidden directories. */
static void walk_dir(const char *dir, char ***files, size_t *n, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t nn = 0, cn = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char *name = xstrdup(e->d_name);
        ARRAY_PUSH(names, nn, cn, name);
    }
    closedir(d);
    if (nn)
        qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        char *path = xasprintf("%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk_dir(path, files, n, cap);
            free(path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                   has_c_suffix(names[i])) {
            ARRAY_PUSH(*files, *n, *cap, path);
        } else {
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

static void add_annotation_args(work_item *it)
{
    for (const char *const *a = frontend_annotation_args(); *a; a++)
        item_add_arg(it, *a);
}

void workset_add_file(work_list *w, const char *file, const char *pyinc,
                      const cli_options *o)
{
    work_item it;
    memset(&it, 0, sizeof it);
    it.file = xstrdup(file);
    add_annotation_args(&it);
    if (pyinc) {
        char *inc = xasprintf("-I%s", pyinc);
        item_add_arg(&it, inc);
        free(inc);
    }
    for (size_t i = 0; i < o->nextra; i++)
        item_add_arg(&it, o->extra_args[i]);
    ARRAY_PUSH(w->items, w->len, w->cap, it);
}

static int work_from_inputs(const cli_options *o, const char *configured,
                            work_list *w, char *err, size_t errlen)
{
    char *pyinc = workset_python_include(o, configured);
    int rc = 0;
    for (size_t i = 0; i < o->ninputs && rc == 0; i++) {
        struct stat st;
        if (stat(o->inputs[i], &st) != 0) {
            snprintf(err, errlen, "%s: %s", o->inputs[i], strerror(errno));
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            char **files = NULL;
            size_t n = 0, cap = 0;
            walk_dir(o->inputs[i], &files, &n, &cap);
            for (size_t j = 0; j < n; j++) {
                workset_add_file(w, files[j], pyinc, o);
                free(files[j]);
            }
            free(files);
        } else {
            workset_add_file(w, o->inputs[i], pyinc, o);
        }
    }
    free(pyinc);
    return rc;
}

/* ---- work from compile_commands.json ---- */

static bool wanted(const cli_options *o, const char *file)
{
    if (!o->ninputs)
        return true;
    char real[PATH_MAX];
    if (!realpath(file, real))
        return false;
    for (size_t i = 0; i < o->ninputs; i++) {
        char want[PATH_MAX];
        if (!realpath(o->inputs[i], want))
            continue;
        size_t n = strlen(want);
        if (!strcmp(real, want) || (!strncmp(real, want, n) && real[n] == '/'))
            return true;
    }
    return false;
}

static char *absolute_in(const char *dir, const char *file)
{
    if (file[0] == '/' || !dir)
        return xstrdup(file);
    return xasprintf("%s/%s", dir, file);
}

/* Compiler arguments without argv[0], the source file, -c and -o FILE. */
static void item_from_command(work_item *it, CXCompileCommand cmd,
                              const char *file)
{
    unsigned n = clang_CompileCommand_getNumArgs(cmd);
    for (unsigned i = 1; i < n; i++) {
        CXString s = clang_CompileCommand_getArg(cmd, i);
        const char *a = clang_getCString(s);
        bool skip_next = !strcmp(a, "-o");
        char *abs = absolute_in(it->dir, a);
        bool is_source = !strcmp(a, file) || !strcmp(abs, it->file);
        free(abs);
        if (!skip_next && strcmp(a, "-c") && !is_source)
            item_add_arg(it, a);
        clang_disposeString(s);
        if (skip_next)
            i++;
    }
}

static int work_from_compdb(const cli_options *o, work_list *w, char *err,
                            size_t errlen)
{
    CXCompilationDatabase_Error dberr;
    CXCompilationDatabase db =
        clang_CompilationDatabase_fromDirectory(o->compdb_dir, &dberr);
    if (dberr != CXCompilationDatabase_NoError || !db) {
        snprintf(err, errlen, "%s/compile_commands.json: cannot be loaded",
                 o->compdb_dir);
        return -1;
    }
    CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
    unsigned n = clang_CompileCommands_getSize(cmds);
    for (unsigned i = 0; i < n; i++) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
        CXString fs = clang_CompileCommand_getFilename(cmd);
        CXString ds = clang_CompileCommand_getDirectory(cmd);
        work_item it;
        memset(&it, 0, sizeof it);
        it.dir = xstrdup(clang_getCString(ds));
        it.file = absolute_in(it.dir, clang_getCString(fs));
        if (has_c_suffix(it.file) && wanted(o, it.file)) {
            item_from_command(&it, cmd, clang_getCString(fs));
            add_annotation_args(&it);
            for (size_t j = 0; j < o->nextra; j++)
                item_add_arg(&it, o->extra_args[j]);
            ARRAY_PUSH(w->items, w->len, w->cap, it);
        } else {
            free(it.file);
            free(it.dir);
        }
        clang_disposeString(fs);
        clang_disposeString(ds);
    }
    clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    if (w->len == 0) {
        snprintf(err, errlen, "%s/compile_commands.json: no C files to scan",
                 o->compdb_dir);
        return -1;
    }
    return 0;
}

int workset_collect(const cli_options *o, const char *pyinc, work_list *w)
{
    char err[PATH_MAX + 256];
    int rc = o->compdb_dir ? work_from_compdb(o, w, err, sizeof err)
                           : work_from_inputs(o, pyinc, w, err, sizeof err);
    if (rc)
        fprintf(stderr, "pyrefcheck: error: %s\n", err);
    return rc;
}

void workset_drop_excluded(work_list *w, const ruleset *rs)
{
    size_t k = 0;
    for (size_t i = 0; i < w->len; i++) {
        if (!ruleset_excluded(rs, w->items[i].file)) {
            w->items[k++] = w->items[i];
            continue;
        }
        item_free(&w->items[i]);
    }
    w->len = k;
}

void workset_shard(work_list *w, unsigned k, unsigned n)
{
    if (n <= 1)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < w->len; i++) {
        char hex[17];
        hash_hex(w->items[i].file, strlen(w->items[i].file), hex);
        unsigned long long h = strtoull(hex, NULL, 16);
        if (h % n == k - 1)
            w->items[kept++] = w->items[i];
        else
            item_free(&w->items[i]);
    }
    w->len = kept;
}
