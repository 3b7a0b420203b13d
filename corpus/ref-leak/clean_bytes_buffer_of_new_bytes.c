/* clean: PyBytes_AsString fails only for an argument that is not bytes;
 * on a bytes object the function has just made it cannot fail, so the
 * defensive NULL check (which would leak the buffer object) is never
 * taken. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static PyObject *
pattern_fill(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    int byte;
    if (!PyArg_ParseTuple(args, "ni:fill", &n, &byte))
        return NULL;
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (out == NULL)
        return NULL;
    char *buf = PyBytes_AsString(out);
    if (buf == NULL)
        return NULL;
    memset(buf, byte, (size_t)n);
    return out;
}
