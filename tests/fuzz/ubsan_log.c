/* ubsan_log.c - linked into the check-sanitize build only.  With gcc,
 * -fsanitize=address,undefined loads two runtimes (libasan, libubsan);
 * libubsan's own log_path setting ends up in libasan's copy of
 * __sanitizer_set_report_path (the call is interposed), so UBSan reports
 * always go to stderr, where the test scripts capture and discard them.
 * This constructor sets libubsan's own report path from UBSAN_LOG_PATH, so
 * that every UBSan report (also from forked workers) lands in a file.
 * With clang (one runtime) libubsan is not loaded and this does nothing:
 * log_path in ASAN_OPTIONS then covers UBSan too. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

__attribute__((constructor)) static void ubsan_log_path(void)
{
    const char *path = getenv("UBSAN_LOG_PATH");
    if (!path || !*path)
        return;
    void *h = dlopen("libubsan.so.1", RTLD_LAZY | RTLD_NOLOAD);
    if (!h)
        return;
    void (*set)(const char *) =
        (void (*)(const char *))dlsym(h, "__sanitizer_set_report_path");
    if (set)
        set(path);
    dlclose(h);
}
