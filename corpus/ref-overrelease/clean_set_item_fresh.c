/* clean: PyTuple_SET_ITEM is given fresh new references, and
 * PyList_SET_ITEM a borrowed item after Py_NewRef, so every stolen
 * reference was owned. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
minmax(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *lo = PyLong_FromLong(a < b ? a : b);
    if (lo == NULL)
        return NULL;
    PyObject *hi = PyLong_FromLong(a < b ? b : a);
    if (hi == NULL) {
        Py_DECREF(lo);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(lo);
        Py_DECREF(hi);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, lo);
    PyTuple_SET_ITEM(t, 1, hi);
    return t;
}

static PyObject *
reversed_copy(PyObject *self, PyObject *src)
{
    if (!PyList_Check(src)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(src);
    PyObject *dst = PyList_New(n);
    if (dst == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(src, n - 1 - i);
        PyList_SET_ITEM(dst, i, Py_NewRef(item));
    }
    return dst;
}

static PyMethodDef fresh_methods[] = {
    {"minmax", minmax, METH_VARARGS, NULL},
    {"reversed_copy", reversed_copy, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fresh_module = {
    PyModuleDef_HEAD_INIT, "fresh", NULL, -1, fresh_methods
};

PyMODINIT_FUNC
PyInit_fresh(void)
{
    return PyModule_Create(&fresh_module);
}
