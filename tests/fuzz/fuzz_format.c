/* fuzz_format.c - the format string walk (rules/format.c) of
 * PyArg_Parse* and Py_BuildValue formats on an arbitrary NUL-terminated
 * string, with and without the typed variant, and with small limits. */
#include "fuzz_util.h"

#include "../../rules/format.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void walk(format_kind kind, const char *fmt)
{
    format_arg args[FORMAT_MAX_ARGS];
    const char *types[FORMAT_MAX_ARGS];
    char err[256];
    size_t nunits = 0;
    int n = format_walk(kind, fmt, args, FORMAT_MAX_ARGS, err, sizeof err);
    int m = format_walk_typed(kind, fmt, args, types, &nunits, FORMAT_MAX_ARGS,
                              err, sizeof err);
    if (n != m)
        abort();
    for (int i = 0; i < m && i < FORMAT_MAX_ARGS; i++) {
        if ((unsigned)args[i] > FARG_OTHER)
            abort();
        format_type_ok(types[i], fmt);
        format_type_ok(types[i], types[i]);
    }
    /* a limit smaller than the count: nothing is written past it */
    format_arg few[2];
    const char *few_types[2];
    format_walk_typed(kind, fmt, few, few_types, NULL, 1, err, sizeof err);
    format_walk(kind, fmt, few, 0, err, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *fmt = fuzz_cstring(data, size);
    walk(FORMAT_PARSE, fmt);
    walk(FORMAT_BUILD, fmt);
    format_type_ok(fmt, fmt);
    format_type_ok("int", fmt);
    format_type_ok("ptr", fmt);
    format_type_ok("objptr", fmt);
    format_type_ok("fn", fmt);
    free(fmt);
    return 0;
}
