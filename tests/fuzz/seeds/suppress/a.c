#include <Python.h>
static PyObject *f(void) {
    PyObject *x = PyLong_FromLong(1); // pyrefcheck: ignore[ref-leak]
    /* pyrefcheck: ignore */
    return NULL;
}
