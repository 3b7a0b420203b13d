/* workers.c - worker processes and the collection of their results. */
#include "workers.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "wire.h"

typedef struct worker {
    pid_t pid;
    int fd;             /* read end of its pipe, -1 once closed */
    char *buf;          /* bytes received, not yet a full line */
    size_t len, cap;
} worker;

static void run_inline(const work_list *w, unit_ctx *proto, skip_fn skip,
                       result_fn done, void *ctx)
{
    unit_ctx uc = *proto;
    hash_cache hc = { NULL, 0, 0 };
    uc.fe = frontend_new(proto->rules);
    uc.hashes = &hc;
    for (size_t i = 0; i < w->len; i++) {
        if (skip && skip(i, ctx))
            continue;
        item_result r;
        unit_analyze(&uc, &w->items[i], &r);
        done(i, &r, ctx);
    }
    frontend_free(uc.fe);
    hash_cache_free(&hc);
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

/* The body of worker k of n: items k, k + n, k + 2n, ... as
 * "INDEX JSON\n" lines. */
static void worker_main(const work_list *w, size_t k, size_t n, unit_ctx *proto,
                        skip_fn skip, void *ctx, int fd)
{
    unit_ctx uc = *proto;
    hash_cache hc = { NULL, 0, 0 };
    uc.fe = frontend_new(proto->rules);
    uc.hashes = &hc;
    int rc = 0;
    for (size_t i = k; i < w->len && rc == 0; i += n) {
        if (skip && skip(i, ctx))
            continue;
        item_result r;
        unit_analyze(&uc, &w->items[i], &r);
        char *json = wire_encode(&r);
        char *line = xasprintf("%zu %s\n", i, json ? json : "{}");
        rc = write_all(fd, line, strlen(line));
        free(line);
        free(json);
        item_result_free(&r);
    }
    frontend_free(uc.fe);
    hash_cache_free(&hc);
    close(fd);
    _exit(rc ? 3 : 0);
}

static int start_workers(const work_list *w, size_t n, unit_ctx *proto,
                         skip_fn skip, void *ctx, worker *ws)
{
    fflush(NULL);
    for (size_t k = 0; k < n; k++) {
        int p[2];
        if (pipe(p) != 0)
            return -1;
        pid_t pid = fork();
        if (pid < 0) {
            close(p[0]);
            close(p[1]);
            return -1;
        }
        if (pid == 0) {
            close(p[0]);
            for (size_t j = 0; j < k; j++)
                close(ws[j].fd);
            worker_main(w, k, n, proto, skip, ctx, p[1]);
        }
        close(p[1]);
        ws[k].pid = pid;
        ws[k].fd = p[0];
    }
    return 0;
}

/* Hand every complete line in the worker's buffer to done. */
static int drain_lines(worker *wk, const work_list *w, bool *seen,
                       result_fn done, void *ctx)
{
    int rc = 0;
    char *start = wk->buf, *nl;
    while ((nl = memchr(start, '\n', wk->len - (size_t)(start - wk->buf)))) {
        *nl = '\0';
        char *json;
        size_t index = strtoul(start, &json, 10);
        item_result r;
        if (index < w->len && !seen[index] && wire_decode(json, &r) == 0) {
            seen[index] = true;
            done(index, &r, ctx);
        } else {
            rc = -1;
        }
        start = nl + 1;
    }
    size_t rest = wk->len - (size_t)(start - wk->buf);
    memmove(wk->buf, start, rest);
    wk->len = rest;
    return rc;
}

static int read_worker(worker *wk, const work_list *w, bool *seen,
                       result_fn done, void *ctx)
{
    array_reserve((void **)&wk->buf, &wk->cap, wk->len + 65536, 1);
    ssize_t k = read(wk->fd, wk->buf + wk->len, wk->cap - wk->len - 1);
    if (k < 0 && errno == EINTR)
        return 0;
    if (k <= 0) {
        close(wk->fd);
        wk->fd = -1;
        return 0;
    }
    wk->len += (size_t)k;
    return drain_lines(wk, w, seen, done, ctx);
}

static int collect(worker *ws, size_t n, const work_list *w, bool *seen,
                   result_fn done, void *ctx)
{
    struct pollfd *pf = xcalloc(n, sizeof *pf);
    int rc = 0;
    for (;;) {
        size_t open = 0;
        for (size_t k = 0; k < n; k++) {
            pf[k].fd = ws[k].fd;
            pf[k].events = POLLIN;
            open += ws[k].fd >= 0;
        }
        if (!open)
            break;
        if (poll(pf, n, -1) < 0 && errno != EINTR) {
            rc = -1;
            break;
        }
        for (size_t k = 0; k < n; k++)
            if (ws[k].fd >= 0 && (pf[k].revents & (POLLIN | POLLHUP | POLLERR)))
                rc |= read_worker(&ws[k], w, seen, done, ctx);
    }
    free(pf);
    return rc;
}

/* Items a dead worker did not report become errors. */
static void report_missing(const work_list *w, const bool *seen, skip_fn skip,
                           result_fn done, void *ctx)
{
    for (size_t i = 0; i < w->len; i++) {
        if (seen[i] || (skip && skip(i, ctx)))
            continue;
        item_result r;
        memset(&r, 0, sizeof r);
        r.file = xstrdup(w->items[i].file);
        r.status = ITEM_ERROR;
        r.log = xasprintf("%s: the worker analysing this file stopped "
                          "(a crash in the analysis)\n", w->items[i].file);
        done(i, &r, ctx);
    }
}

int workers_run(const work_list *w, size_t n, unit_ctx *proto,
                skip_fn skip, result_fn done, void *ctx)
{
    if (n > w->len)
        n = w->len;
    if (n <= 1) {
        run_inline(w, proto, skip, done, ctx);
        return 0;
    }
    worker *ws = xcalloc(n, sizeof *ws);
    bool *seen = xcalloc(w->len + 1, sizeof *seen);
    int rc = start_workers(w, n, proto, skip, ctx, ws);
    if (rc == 0)
        rc = collect(ws, n, w, seen, done, ctx);
    for (size_t k = 0; k < n; k++) {
        int status = 0;
        if (ws[k].fd >= 0)
            close(ws[k].fd);
        if (ws[k].pid > 0 && (waitpid(ws[k].pid, &status, 0) < 0 ||
                              !WIFEXITED(status) || WEXITSTATUS(status)))
            rc = -1;
        free(ws[k].buf);
    }
    report_missing(w, seen, skip, done, ctx);
    free(seen);
    free(ws);
    return rc;
}
