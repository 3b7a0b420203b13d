/* clean: the pending exception is saved with PyErr_Fetch() while the
 * stream is closed and put back with PyErr_Restore() before returning
 * NULL. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
read_all(PyObject *self, PyObject *stream)
{
    PyObject *data, *res;
    (void)self;
    data = PyObject_CallMethod(stream, "read", NULL);
    if (data == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        res = PyObject_CallMethod(stream, "close", NULL);
        Py_XDECREF(res);
        PyErr_Restore(type, value, tb);
        return NULL;
    }
    res = PyObject_CallMethod(stream, "close", NULL);
    if (res == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    Py_DECREF(res);
    return data;
}

static PyMethodDef readall_methods[] = {
    {"read_all", read_all, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef readall_module = {
    PyModuleDef_HEAD_INIT, "readall", NULL, -1, readall_methods
};

PyMODINIT_FUNC
PyInit_readall(void)
{
    return PyModule_Create(&readall_module);
}
