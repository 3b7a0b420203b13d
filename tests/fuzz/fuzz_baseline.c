/* fuzz_baseline.c - the baseline file reader (analyzer/baseline.c) on an
 * arbitrary file, then lookups of what it read. */
#include "fuzz_util.h"

#include "../../analyzer/baseline.h"

static const char *bl_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    bl_path = fuzz_tmp_init("baseline");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(data, size);
    baseline b = { NULL, 0, 0 };
    char err[512];
    int rc = baseline_read(&b, bl_path, err, sizeof err);
    for (size_t i = 0; i < b.n; i++) {
        if (strlen(b.fps[i]) != 16)
            abort();
        if (rc == 0 && !baseline_contains(&b, b.fps[i]))
            abort();
    }
    baseline_contains(&b, "0123456789abcdef");
    baseline_contains(&b, NULL);
    baseline_free(&b);
    return 0;
}
