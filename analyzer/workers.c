/* workers.c - worker processes and the collection of their results.
 *
 * Every translation unit is analysed in a worker process, also with one
 * job, so that a crash (libclang runs out of stack on some inputs) costs
 * only the file being analysed: the calling process reports that file as
 * an error and starts a new worker for the rest of the crashed worker's
 * share. */
#include "workers.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "wire.h"

typedef struct worker {
    pid_t pid;
    int fd;             /* read end of its pipe, -1 once closed */
    size_t *items;      /* the item indices it analyses, in order */
    size_t nitems, next;/* next: the first not reported yet */
    char *buf;          /* bytes received, not yet a full line */
    size_t len, cap;
} worker;

typedef struct pool {
    const work_list *w;
    unit_ctx *proto;
    result_fn done;
    void *ctx;
    worker *ws;
    size_t n;
    int rc;
} pool;

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

/* The body of a worker: its items as "INDEX JSON\n" lines. */
static void worker_main(pool *p, const size_t *items, size_t n, int fd)
{
    unit_ctx uc = *p->proto;
    hash_cache hc = { NULL, 0, 0 };
    uc.fe = frontend_new(p->proto->rules);
    uc.hashes = &hc;
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        item_result r;
        unit_analyze(&uc, &p->w->items[items[k]], &r);
        char *json = wire_encode(&r);
        char *line = xasprintf("%zu %s\n", items[k], json ? json : "{}");
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

/* Start worker k on its items from wk->next on. */
static int start_worker(pool *p, size_t k)
{
    worker *wk = &p->ws[k];
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        for (size_t j = 0; j < p->n; j++)
            if (p->ws[j].fd >= 0)
                close(p->ws[j].fd);
        worker_main(p, wk->items + wk->next, wk->nitems - wk->next, fds[1]);
    }
    close(fds[1]);
    wk->pid = pid;
    wk->fd = fds[0];
    wk->len = 0;
    return 0;
}

/* Hand every complete line in the worker's buffer to done. */
static void drain_lines(pool *p, worker *wk)
{
    char *start = wk->buf, *nl;
    while ((nl = memchr(start, '\n', wk->len - (size_t)(start - wk->buf)))) {
        *nl = '\0';
        char *json;
        size_t index = strtoul(start, &json, 10);
        item_result r;
        if (wk->next < wk->nitems && index == wk->items[wk->next] &&
            wire_decode(json, &r) == 0) {
            wk->next++;
            p->done(index, &r, p->ctx);
        } else {
            p->rc = -1;
        }
        start = nl + 1;
    }
    size_t rest = wk->len - (size_t)(start - wk->buf);
    memmove(wk->buf, start, rest);
    wk->len = rest;
}

static void report_crash(pool *p, size_t index)
{
    item_result r;
    memset(&r, 0, sizeof r);
    r.file = xstrdup(p->w->items[index].file);
    r.status = ITEM_ERROR;
    r.log = xasprintf("%s: the analysis of this file crashed (the file is "
                      "not analysed)\n", p->w->items[index].file);
    p->done(index, &r, p->ctx);
}

/* A worker closed its pipe: if it died before reporting everything, the
 * item in progress crashed and a new worker takes the rest. */
static void finish_worker(pool *p, size_t k)
{
    worker *wk = &p->ws[k];
    int status = 0;
    close(wk->fd);
    wk->fd = -1;
    if (waitpid(wk->pid, &status, 0) < 0)
        status = -1;
    wk->pid = 0;
    if (wk->next >= wk->nitems)
        return;
    report_crash(p, wk->items[wk->next]);
    wk->next++;
    p->rc = -1;
    if (wk->next < wk->nitems && start_worker(p, k) != 0)
        while (wk->next < wk->nitems)
            report_crash(p, wk->items[wk->next++]);
}

static void read_worker(pool *p, size_t k)
{
    worker *wk = &p->ws[k];
    array_reserve((void **)&wk->buf, &wk->cap, wk->len + 65536, 1);
    ssize_t got = read(wk->fd, wk->buf + wk->len, wk->cap - wk->len - 1);
    if (got < 0 && errno == EINTR)
        return;
    if (got <= 0) {
        finish_worker(p, k);
        return;
    }
    wk->len += (size_t)got;
    drain_lines(p, wk);
}

static void collect(pool *p)
{
    struct pollfd *pf = xcalloc(p->n, sizeof *pf);
    for (;;) {
        size_t open = 0;
        for (size_t k = 0; k < p->n; k++) {
            pf[k].fd = p->ws[k].fd;
            pf[k].events = POLLIN;
            pf[k].revents = 0;
            open += p->ws[k].fd >= 0;
        }
        if (!open)
            break;
        if (poll(pf, p->n, -1) < 0) {
            if (errno == EINTR)
                continue;
            p->rc = -1;
            break;
        }
        for (size_t k = 0; k < p->n; k++)
            if (p->ws[k].fd >= 0 && (pf[k].revents & (POLLIN | POLLHUP | POLLERR)))
                read_worker(p, k);
    }
    free(pf);
}

/* The work an item stands for: its file's size, plus what parsing the
 * Python headers costs every file (about 200 kB of source). */
static long long item_weight(const work_item *it)
{
    enum { HEADER_COST = 200000 };
    char *path = it->dir && it->file[0] != '/' ? xasprintf("%s/%s", it->dir, it->file)
                                               : xstrdup(it->file);
    struct stat sb;
    long long w = stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
    free(path);
    return w + HEADER_COST;
}

typedef struct weighted {
    size_t index;
    long long weight;
} weighted;

static int heavier_first(const void *a, const void *b)
{
    const weighted *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int cmp_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Deal the items to n workers: the heaviest first, each to the least
 * loaded worker, so that the workers finish together; each worker then
 * takes its items in their original order (with one worker, the order of
 * the input). */
static void deal(pool *p, skip_fn skip)
{
    weighted *todo = xmalloc((p->w->len + 1) * sizeof *todo);
    size_t m = 0;
    for (size_t i = 0; i < p->w->len; i++)
        if (!skip || !skip(i, p->ctx)) {
            todo[m].index = i;
            todo[m++].weight = p->n > 1 ? item_weight(&p->w->items[i]) : 0;
        }
    if (m > 1)
        qsort(todo, m, sizeof *todo, heavier_first);
    long long *load = xcalloc(p->n, sizeof *load);
    for (size_t i = 0; i < m; i++) {
        size_t k = 0;
        for (size_t j = 1; j < p->n; j++)
            if (load[j] < load[k])
                k = j;
        worker *wk = &p->ws[k];
        wk->items = xrealloc(wk->items, (wk->nitems + 1) * sizeof *wk->items);
        wk->items[wk->nitems++] = todo[i].index;
        load[k] += todo[i].weight;
    }
    for (size_t k = 0; k < p->n; k++)
        if (p->ws[k].nitems > 1)
            qsort(p->ws[k].items, p->ws[k].nitems, sizeof *p->ws[k].items, cmp_index);
    free(load);
    free(todo);
}

int workers_run(const work_list *w, size_t n, unit_ctx *proto,
                skip_fn skip, result_fn done, void *ctx)
{
    if (n > w->len)
        n = w->len;
    if (n == 0)
        return 0;
    pool p = { w, proto, done, ctx, xcalloc(n, sizeof(worker)), n, 0 };
    for (size_t k = 0; k < n; k++)
        p.ws[k].fd = -1;
    deal(&p, skip);
    for (size_t k = 0; k < n; k++)
        if (p.ws[k].nitems && start_worker(&p, k) != 0) {
            p.rc = -1;
            while (p.ws[k].next < p.ws[k].nitems)
                report_crash(&p, p.ws[k].items[p.ws[k].next++]);
        }
    collect(&p);
    for (size_t k = 0; k < n; k++) {
        free(p.ws[k].items);
        free(p.ws[k].buf);
    }
    free(p.ws);
    return p.rc;
}
