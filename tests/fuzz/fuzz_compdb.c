/* fuzz_compdb.c - compile_commands.json: the input as the compilation
 * database of a private directory, loaded with libclang and walked as
 * analyzer/workset.c's work_from_compdb does (every command, file,
 * directory and argument), then through workset_collect itself (-p DIR). */
#include "fuzz_util.h"

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

#include "../../analyzer/cli.h"
#include "../../analyzer/workset.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmp_init("compile_commands.json");
    return 0;
}

static size_t walk_libclang(void)
{
    CXCompilationDatabase_Error dberr;
    CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(fuzz_dir, &dberr);
    if (dberr != CXCompilationDatabase_NoError || !db)
        return 0;
    size_t total = 0;
    CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
    unsigned n = clang_CompileCommands_getSize(cmds);
    for (unsigned i = 0; i < n; i++) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
        CXString fs = clang_CompileCommand_getFilename(cmd);
        CXString ds = clang_CompileCommand_getDirectory(cmd);
        total += strlen(clang_getCString(fs)) + strlen(clang_getCString(ds));
        unsigned nargs = clang_CompileCommand_getNumArgs(cmd);
        for (unsigned k = 0; k < nargs; k++) {
            CXString a = clang_CompileCommand_getArg(cmd, k);
            total += strlen(clang_getCString(a));
            clang_disposeString(a);
        }
        clang_disposeString(fs);
        clang_disposeString(ds);
    }
    clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    return total;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(data, size);
    walk_libclang();
    cli_options o;
    memset(&o, 0, sizeof o);
    o.cmd = CMD_SCAN;
    o.compdb_dir = fuzz_dir;
    work_list w = { NULL, 0, 0 };
    if (workset_collect(&o, NULL, &w) == 0)
        for (size_t i = 0; i < w.len; i++)
            if (!w.items[i].file)
                abort();
    work_list_free(&w);
    return 0;
}
