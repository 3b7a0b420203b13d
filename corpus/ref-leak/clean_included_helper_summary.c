/* clean: helpers defined in a header of the extension itself are
 * summarised like the file's own functions: a capture stub that returns
 * NULL on this platform hands nothing over, and a lookup that returns a
 * borrowed reference is not taken to return a new one. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "clean_included_helper_summary.h"

static PyObject *
hooks_call(PyObject *self, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:call", &name))
        return NULL;
    PyObject *hook = find_hook(name);
    if (hook == NULL)
        Py_RETURN_NONE;
    PyObject *res = PyObject_CallNoArgs(hook);
    if (res == NULL) {
        PyObject *capture = start_error_capture();
        PyErr_WriteUnraisable(hook);
        stop_error_capture(capture);
        Py_RETURN_NONE;
    }
    return res;
}
