/* clean: in PyIter_Next loops the item is released only after its last
 * use (PyList_Append, PyNumber_Add), on every path. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
truthy_items(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        goto error;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int keep = PyObject_IsTrue(item);
        if (keep > 0)
            keep = PyList_Append(result, item) < 0 ? -1 : 1;
        Py_DECREF(item);
        if (keep < 0)
            goto error;
    }
    if (PyErr_Occurred())
        goto error;
    Py_DECREF(it);
    return result;
error:
    Py_XDECREF(result);
    Py_DECREF(it);
    return NULL;
}

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
        Py_DECREF(acc);
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

static PyMethodDef iters_methods[] = {
    {"truthy_items", truthy_items, METH_O, NULL},
    {"total", total, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef iters_module = {
    PyModuleDef_HEAD_INIT, "iters", NULL, -1, iters_methods
};

PyMODINIT_FUNC
PyInit_iters(void)
{
    return PyModule_Create(&iters_module);
}
