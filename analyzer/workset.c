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

/* Collect *.c files under dir, sorted, skipping hidden directories. */
/* Files found so far (their real paths, to keep each once) and the
 * directories entered (device and inode, so that symbolic-link loops end). */
typedef struct walk_state {
    char **files;
    size_t n, cap;
    char **seen;            /* real paths of the files, sorted on demand */
    size_t nseen, capseen;
    dev_t *dev;
    ino_t *ino;
    size_t ndirs, capdirs, capino;
} walk_state;

static bool dir_entered(walk_state *ws, const struct stat *st)
{
    for (size_t i = 0; i < ws->ndirs; i++)
        if (ws->dev[i] == st->st_dev && ws->ino[i] == st->st_ino)
            return true;
    size_t ndirs = ws->ndirs;
    ARRAY_PUSH(ws->dev, ws->ndirs, ws->capdirs, st->st_dev);
    ARRAY_PUSH(ws->ino, ndirs, ws->capino, st->st_ino);
    return false;
}

/* Add path unless the same file (by real path) is already in. */
static void add_found(walk_state *ws, char *path)
{
    char *real = realpath(path, NULL);
    for (size_t i = 0; real && i < ws->nseen; i++)
        if (!strcmp(ws->seen[i], real)) {
            free(real);
            free(path);
            return;
        }
    if (real)
        ARRAY_PUSH(ws->seen, ws->nseen, ws->capseen, real);
    ARRAY_PUSH(ws->files, ws->n, ws->cap, path);
}

static void walk_dir(const char *dir, walk_state *ws)
{
    struct stat dst;
    if (stat(dir, &dst) != 0 || dir_entered(ws, &dst))
        return;
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
        qsort(names, nn, sizeof *names, cmp_strptr);
    for (size_t i = 0; i < nn; i++) {
        char *path = xasprintf("%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk_dir(path, ws);
            free(path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                   has_c_suffix(names[i])) {
            add_found(ws, path);
        } else {
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

static void walk_state_free(walk_state *ws)
{
    for (size_t i = 0; i < ws->nseen; i++)
        free(ws->seen[i]);
    free(ws->seen);
    free(ws->files);
    free(ws->dev);
    free(ws->ino);
}

/* One command-line input: a directory to walk or a regular file. */
static int add_input(const char *input, walk_state *ws, char *err, size_t errlen)
{
    struct stat st;
    if (stat(input, &st) != 0) {
        snprintf(err, errlen, "%s: %s", input, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        walk_dir(input, ws);
        return 0;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file or a directory", input);
        return -1;
    }
    add_found(ws, xstrdup(input));
    return 0;
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
    walk_state ws;
    memset(&ws, 0, sizeof ws);
    int rc = 0;
    for (size_t i = 0; i < o->ninputs && rc == 0; i++)
        rc = add_input(o->inputs[i], &ws, err, errlen);
    if (rc == 0 && ws.n == 0) {
        snprintf(err, errlen, "%s%s: no C files to scan", o->inputs[0],
                 o->ninputs > 1 ? " (and the other inputs)" : "");
        rc = -1;
    }
    char *pyinc = rc == 0 ? workset_python_include(o, configured) : NULL;
    for (size_t j = 0; j < ws.n; j++) {
        if (rc == 0)
            workset_add_file(w, ws.files[j], pyinc, o);
        free(ws.files[j]);
    }
    free(pyinc);
    walk_state_free(&ws);
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

/* Is file already an item (a compile database may list a file twice)? */
static bool listed(const work_list *w, const char *file)
{
    for (size_t i = 0; i < w->len; i++)
        if (!strcmp(w->items[i].file, file))
            return true;
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
        if (has_c_suffix(it.file) && wanted(o, it.file) && !listed(w, it.file)) {
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
