/* fuzz_util.h - shared helpers of the libFuzzer harnesses: the input as a
 * NUL-terminated string, and a private temporary directory (one per fuzzer
 * process, removed at exit) for the modules that read files.  See
 * tests/fuzz/README.md. */
#ifndef PYREFCHECK_FUZZ_UTIL_H
#define PYREFCHECK_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input, NUL-terminated (caller frees). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

static char fuzz_dir[1024];
static char fuzz_file_path[1200];

static void fuzz_cleanup(void)
{
    if (fuzz_file_path[0])
        unlink(fuzz_file_path);
    if (fuzz_dir[0])
        rmdir(fuzz_dir);
}

/* Create the private directory (under $TMPDIR, else /tmp); name is the
 * file written into it.  libFuzzer ends with _exit after -max_total_time,
 * so the directory can outlive the run: run.sh points TMPDIR into the
 * build directory and empties it. */
static inline const char *fuzz_tmp_init(const char *name)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    if ((size_t)snprintf(fuzz_dir, sizeof fuzz_dir, "%s/pyrefcheck-fuzz-XXXXXX", tmp) >=
            sizeof fuzz_dir ||
        !mkdtemp(fuzz_dir)) {
        perror("mkdtemp");
        abort();
    }
    snprintf(fuzz_file_path, sizeof fuzz_file_path, "%s/%s", fuzz_dir, name);
    atexit(fuzz_cleanup);
    return fuzz_file_path;
}

/* Write the input (bytes as given) to the private file. */
static inline void fuzz_write_file(const uint8_t *data, size_t size)
{
    FILE *f = fopen(fuzz_file_path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(fuzz_file_path);
        abort();
    }
}

#endif
