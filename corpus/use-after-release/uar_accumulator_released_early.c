/* use-after-release: the running total is released before it is used as
 * an operand of PyNumber_Add (the release was meant to follow the add). */
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
        Py_DECREF(acc);
        PyObject *sum = PyNumber_Add(acc, item); // expected-warning{{use-after-release}}
        Py_DECREF(item);
        if (sum == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        acc = sum;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(acc);
        return NULL;
    }
    return acc;
}

static PyMethodDef accum_methods[] = {
    {"total", total, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef accum_module = {
    PyModuleDef_HEAD_INIT, "accum", NULL, -1, accum_methods
};

PyMODINIT_FUNC
PyInit_accum(void)
{
    return PyModule_Create(&accum_module);
}
