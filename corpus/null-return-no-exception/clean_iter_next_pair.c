/* clean: a short iterable (NULL from PyIter_Next() without an exception)
 * raises ValueError; an iteration error is passed on. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
take_pair(PyObject *self, PyObject *iterable)
{
    PyObject *it, *first, *second, *result;
    (void)self;
    it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    first = PyIter_Next(it);
    if (first == NULL) {
        Py_DECREF(it);
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "need 2 values, got 0");
        return NULL;
    }
    second = PyIter_Next(it);
    Py_DECREF(it);
    if (second == NULL) {
        Py_DECREF(first);
        if (PyErr_Occurred())
            return NULL;
        return PyErr_Format(PyExc_ValueError, "need 2 values, got 1");
    }
    result = PyTuple_Pack(2, first, second);
    Py_DECREF(first);
    Py_DECREF(second);
    return result;
}

static PyMethodDef pairs_methods[] = {
    {"take_pair", take_pair, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pairs_module = {
    PyModuleDef_HEAD_INIT, "pairs", NULL, -1, pairs_methods
};

PyMODINIT_FUNC
PyInit_pairs(void)
{
    return PyModule_Create(&pairs_module);
}
