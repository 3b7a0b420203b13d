/* use-after-release: in a PyIter_Next loop the item is released after the
 * truth test and then appended to the result list. */
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
        Py_DECREF(item);
        if (keep < 0)
            goto error;
        if (keep && PyList_Append(result, item) < 0) // expected-warning{{use-after-release}}
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

static PyMethodDef truthy_methods[] = {
    {"truthy_items", truthy_items, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef truthy_module = {
    PyModuleDef_HEAD_INIT, "truthy", NULL, -1, truthy_methods
};

PyMODINIT_FUNC
PyInit_truthy(void)
{
    return PyModule_Create(&truthy_module);
}
