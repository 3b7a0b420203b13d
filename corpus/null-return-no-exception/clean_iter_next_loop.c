/* clean: the search loop stops on NULL from PyIter_Next(); afterwards
 * PyErr_Occurred() tells an error from exhaustion, which raises
 * ValueError. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_true(PyObject *self, PyObject *iterable)
{
    PyObject *it, *item;
    (void)self;
    it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        int truth = PyObject_IsTrue(item);
        if (truth < 0) {
            Py_DECREF(item);
            Py_DECREF(it);
            return NULL;
        }
        if (truth) {
            Py_DECREF(it);
            return item;
        }
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    PyErr_SetString(PyExc_ValueError, "no true item in iterable");
    return NULL;
}

static PyMethodDef search_methods[] = {
    {"first_true", first_true, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef search_module = {
    PyModuleDef_HEAD_INIT, "search", NULL, -1, search_methods
};

PyMODINIT_FUNC
PyInit_search(void)
{
    return PyModule_Create(&search_module);
}
