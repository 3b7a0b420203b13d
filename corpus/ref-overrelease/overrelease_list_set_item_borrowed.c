/* ref-overrelease: PyList_SET_ITEM steals a reference, but it is handed a
 * borrowed item of the source list (no Py_INCREF), so the copy will release
 * references it never owned. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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
        PyList_SET_ITEM(dst, i, item); // expected-warning{{ref-overrelease}}
    }
    return dst;
}

static PyMethodDef revcopy_methods[] = {
    {"reversed_copy", reversed_copy, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef revcopy_module = {
    PyModuleDef_HEAD_INIT, "revcopy", NULL, -1, revcopy_methods
};

PyMODINIT_FUNC
PyInit_revcopy(void)
{
    return PyModule_Create(&revcopy_module);
}
