/* clean: PySequence_GetItem() may fail, and its NULL goes straight to
 * PyLong_AsSsize_t(), which checks for NULL and fails in turn (-1 with an
 * exception set).  The -1 is tested and the error returned, so nothing
 * crashes and no error is lost: the shortcut is not a NULL dereference. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
span_length(PyObject *self, PyObject *pair)
{
    if (!PySequence_Check(pair) || PySequence_Size(pair) != 2) {
        PyErr_SetString(PyExc_TypeError, "expected a (start, stop) pair");
        return NULL;
    }
    PyObject *item = PySequence_GetItem(pair, 0);
    Py_ssize_t start = PyLong_AsSsize_t(item);
    Py_XDECREF(item);
    if (start == -1 && PyErr_Occurred())
        return NULL;
    item = PySequence_GetItem(pair, 1);
    Py_ssize_t stop = PyLong_AsSsize_t(item);
    Py_XDECREF(item);
    if (stop == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(stop > start ? stop - start : 0);
}

static PyMethodDef span_methods[] = {
    {"span_length", span_length, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef span_module = {
    PyModuleDef_HEAD_INIT, "spans", NULL, -1, span_methods
};

PyMODINIT_FUNC
PyInit_spans(void)
{
    return PyModule_Create(&span_module);
}
