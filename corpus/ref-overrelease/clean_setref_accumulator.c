/* clean: Py_SETREF replaces the accumulator and releases the old value in
 * one step inside a PyIter_Next loop. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
total(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *acc = PyLong_FromLong(0);
    if (acc == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *sum = PyNumber_Add(acc, item);
        Py_DECREF(item);
        if (sum == NULL) {
            Py_DECREF(acc);
            Py_DECREF(it);
            return NULL;
        }
        Py_SETREF(acc, sum);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(acc);
        return NULL;
    }
    return acc;
}

static PyMethodDef total_methods[] = {
    {"total", total, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef total_module = {
    PyModuleDef_HEAD_INIT, "total", NULL, -1, total_methods
};

PyMODINIT_FUNC
PyInit_total(void)
{
    return PyModule_Create(&total_module);
}
