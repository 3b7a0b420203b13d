/* format-mismatch: the tuple opened by '(' in "(nn" is never closed, so
 * Py_BuildValue fails with SystemError on every call. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
span_bounds(PyObject *self, PyObject *args)
{
    Py_ssize_t start, length;
    if (!PyArg_ParseTuple(args, "nn:bounds", &start, &length))
        return NULL;
    if (length < 0 || start > PY_SSIZE_T_MAX - length) {
        PyErr_SetString(PyExc_OverflowError, "span too large");
        return NULL;
    }
    return Py_BuildValue("(nn", start, start + length); // expected-warning{{format-mismatch}}
}

static PyMethodDef span_methods[] = {
    {"bounds", span_bounds, METH_VARARGS, "Return (start, end) of a span."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef span_module = {
    PyModuleDef_HEAD_INIT, "span", NULL, -1, span_methods
};

PyMODINIT_FUNC
PyInit_span(void)
{
    return PyModule_Create(&span_module);
}
