/* clean: a tuple of n items made by PyTuple_New(n) is filled by
 * PyTuple_SetItem(t, i, ...) in a loop over i < n: every index is in
 * range, so the error branch after it (which would release the item a
 * second time) is never run. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
squares(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative count");
        return NULL;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *sq = PyLong_FromSsize_t(i * i);
        if (sq == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        if (PyTuple_SetItem(t, i, sq) < 0) {
            Py_DECREF(sq);
            Py_DECREF(t);
            return NULL;
        }
    }
    return t;
}

static PyMethodDef squares_methods[] = {
    {"squares", squares, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef squares_module = {
    PyModuleDef_HEAD_INIT, "squares", NULL, -1, squares_methods
};

PyMODINIT_FUNC
PyInit_squares(void)
{
    return PyModule_Create(&squares_module);
}
