/* fuzz_rules.c - the rules file parser (rules/apirules.c) on arbitrary
 * text, then every lookup on what it loaded. */
#include "fuzz_util.h"

#include "../../rules/apirules.h"

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
    api_rules *r = api_rules_new();
    int rc = api_rules_load_text(r, "fuzz.rules", text, err, sizeof err);
    if (rc != 0 && !memchr(err, '\0', sizeof err))
        abort();   /* the error message must be a terminated string */
    const api_rule **all = NULL;
    size_t n = api_rules_sorted(r, &all);
    if (n != api_rules_count(r))
        abort();
    for (size_t i = 0; i < n; i++) {
        const api_rule *found = api_rules_find(r, all[i]->name, all[i]->is_macro);
        if (!found || strcmp(found->name, all[i]->name))
            abort();
    }
    free(all);
    /* loading the same text again replaces every rule */
    if (rc == 0 && (api_rules_load_text(r, "again.rules", text, err, sizeof err) != 0 ||
                    api_rules_count(r) != n))
        abort();
    api_rules_free(r);
    free(text);
    return 0;
}
