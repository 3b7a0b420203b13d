/* use-after-release: the smallest element is borrowed (PyList_GET_ITEM)
 * from a list the function created, and used after that list is released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
min_repr(PyObject *self, PyObject *iterable)
{
    PyObject *list = PySequence_List(iterable);
    if (list == NULL)
        return NULL;
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 0) {
        Py_DECREF(list);
        PyErr_SetString(PyExc_ValueError, "empty sequence");
        return NULL;
    }
    PyObject *first = PyList_GET_ITEM(list, 0);
    Py_DECREF(list);
    return PyObject_Repr(first); // expected-warning{{use-after-release}}
}

static PyMethodDef minrepr_methods[] = {
    {"min_repr", min_repr, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef minrepr_module = {
    PyModuleDef_HEAD_INIT, "minrepr", NULL, -1, minrepr_methods
};

PyMODINIT_FUNC
PyInit_minrepr(void)
{
    return PyModule_Create(&minrepr_module);
}
