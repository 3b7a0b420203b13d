/* fuzz_config.c - the configuration file reader (analyzer/config.c,
 * libinih) on an arbitrary file, with a fresh ruleset; then the ruleset's
 * globs (fuzzed through enable/disable/exclude) against a few paths. */
#include "fuzz_util.h"

#include "../../analyzer/config.h"
#include "../../rules/ruleset.h"

static const char *cfg_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cfg_path = fuzz_tmp_init(".pyrefcheck.cfg");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const paths[] = {
        "a.c", "src/module.c", "/abs/path/vendor/x.c", "tests/test_x.c",
        "build/gen/y.c", "", "weird name[1]*.c",
    };
    fuzz_write_file(data, size);
    ruleset *rs = ruleset_new();
    config c;
    char err[1024];
    config_load(&c, rs, cfg_path, err, sizeof err);
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        ruleset_excluded(rs, paths[i]);
        for (size_t k = 0; k < rule_info_count(); k++)
            ruleset_allows(rs, rule_info_at(k)->id, paths[i]);
    }
    config_free(&c);
    ruleset_free(rs);
    return 0;
}
