/* ref-overrelease: the early exit of the loop returns Py_False without a
 * new reference, while the normal exit correctly uses Py_RETURN_TRUE. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
is_sorted(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(list); i++) {
        PyObject *prev = PyList_GET_ITEM(list, i - 1);
        PyObject *cur = PyList_GET_ITEM(list, i);
        int le = PyObject_RichCompareBool(prev, cur, Py_LE);
        if (le < 0)
            return NULL;
        if (le == 0)
            return Py_False; // expected-warning{{ref-overrelease}}
    }
    Py_RETURN_TRUE;
}

static PyMethodDef sortedness_methods[] = {
    {"is_sorted", is_sorted, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef sortedness_module = {
    PyModuleDef_HEAD_INIT, "sortedness", NULL, -1, sortedness_methods
};

PyMODINIT_FUNC
PyInit_sortedness(void)
{
    return PyModule_Create(&sortedness_module);
}
