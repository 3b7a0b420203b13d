/* null-return-no-exception: unpacking the first two items of an iterable
 * treats a NULL from PyIter_Next() as an error, but a short iterable ends
 * with NULL and no exception. */
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
        return NULL; // expected-warning{{null-return-no-exception}}
    }
    second = PyIter_Next(it);
    Py_DECREF(it);
    if (second == NULL) {
        Py_DECREF(first);
        return NULL; // expected-warning{{null-return-no-exception}}
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
