/* clean: both lists start NULL and the shared error block releases them
 * with Py_XDECREF, so jumping there before either is assigned is fine. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
split_items(PyObject *self, PyObject *dict)
{
    PyObject *keys = NULL, *values = NULL, *key, *value, *result;
    Py_ssize_t pos = 0;
    (void)self;
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "expected a dict");
        goto error;
    }
    keys = PyList_New(0);
    if (keys == NULL)
        goto error;
    values = PyList_New(0);
    if (values == NULL)
        goto error;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (PyList_Append(keys, key) < 0)
            goto error;
        if (PyList_Append(values, value) < 0)
            goto error;
    }
    result = PyTuple_Pack(2, keys, values);
    Py_DECREF(keys);
    Py_DECREF(values);
    return result;
error:
    Py_XDECREF(keys);
    Py_XDECREF(values);
    return NULL;
}

static PyMethodDef splitter_methods[] = {
    {"split_items", split_items, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef splitter_module = {
    PyModuleDef_HEAD_INIT, "splitter", NULL, -1, splitter_methods
};

PyMODINIT_FUNC
PyInit_splitter(void)
{
    return PyModule_Create(&splitter_module);
}
