/* util.h - small helpers shared by every module: checked allocation,
 * growable arrays and string duplication.
 *
 * Ownership: every pointer returned by xmalloc/xcalloc/xrealloc/xstrdup
 * belongs to the caller and is released with free().  Out-of-memory is the
 * only condition on which these helpers end the process (exit status 2);
 * user input never does. */
#ifndef PYREFCHECK_UTIL_H
#define PYREFCHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);          /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Grow *items (element size elem) so that it holds at least need elements;
 * *cap is updated.  Usage: ARRAY_PUSH(list.items, list.len, list.cap, x). */
void array_reserve(void **items, size_t *cap, size_t need, size_t elem);

#define ARRAY_PUSH(items, len, cap, value)                                   \
    do {                                                                     \
        array_reserve((void **)&(items), &(cap), (len) + 1, sizeof *(items)); \
        (items)[(len)++] = (value);                                          \
    } while (0)

/* qsort/bsearch comparison of two char * elements. */
int cmp_strptr(const void *a, const void *b);

/* A small set of strings, each copied in and freed by str_set_free. */
typedef struct str_set {
    char **items;
    size_t len, cap;
} str_set;

bool str_set_has(const str_set *s, const char *str);
void str_set_add(str_set *s, const char *str);   /* NULL: nothing added */
void str_set_free(str_set *s);

/* Read a whole file into a NUL-terminated buffer; *len gets its size.
 * Returns NULL (errno set) when the file cannot be read. */
char *read_file(const char *path, size_t *len);

/* Length (1-4) of the valid UTF-8 sequence at s, reading at most avail
 * bytes (pass (size_t)-1 for a NUL-terminated string), or 0 when it is not
 * valid UTF-8 (overlong, surrogate, beyond U+10FFFF, truncated). */
size_t utf8_char_len(const unsigned char *s, size_t avail);

/* 64-bit xxHash of a buffer, printed as 16 lowercase hex digits into out
 * (which must hold 17 bytes). */
void hash_hex(const void *data, size_t len, char out[17]);

#endif
