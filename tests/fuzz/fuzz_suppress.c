/* fuzz_suppress.c - inline suppression comments (analyzer/suppress.c):
 * suppress_scan on an arbitrary source text, then suppress_apply to
 * findings of every rule on the first lines. */
#include "fuzz_util.h"

#include "../../analyzer/finding.h"
#include "../../analyzer/suppress.h"
#include "../../rules/ruleset.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size);
    char err[512];
    suppression_list sl = { NULL, 0, 0 };
    int rc = suppress_scan("fuzz.c", text, &sl, err, sizeof err);
    if (rc == 0) {
        finding_list fl = { NULL, 0, 0 };
        for (unsigned line = 0; line < 12; line++)
            for (size_t k = 0; k < rule_info_count(); k++) {
                finding f;
                memset(&f, 0, sizeof f);
                f.rule = strdup(rule_info_at(k)->id);
                f.severity = strdup("warning");
                f.file = strdup("fuzz.c");
                f.line = line;
                f.message = strdup("m");
                finding_list_push(&fl, &f);
            }
        suppress_apply(&sl, &fl);
        finding_list_free(&fl);
    }
    suppress_free(&sl);
    free(text);
    return 0;
}
