/* use-after-release: the quotient is borrowed (PyTuple_GET_ITEM) from the
 * divmod() result tuple, which is released before the quotient is used. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
quotient(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *qr = PyNumber_Divmod(a, b);
    if (qr == NULL)
        return NULL;
    if (!PyTuple_Check(qr) || PyTuple_GET_SIZE(qr) != 2) {
        Py_DECREF(qr);
        PyErr_SetString(PyExc_TypeError, "divmod() did not return a pair");
        return NULL;
    }
    PyObject *q = PyTuple_GET_ITEM(qr, 0);
    Py_DECREF(qr);
    return PyNumber_Index(q); // expected-warning{{use-after-release}}
}

static PyMethodDef quot_methods[] = {
    {"quotient", quotient, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef quot_module = {
    PyModuleDef_HEAD_INIT, "quot", NULL, -1, quot_methods
};

PyMODINIT_FUNC
PyInit_quot(void)
{
    return PyModule_Create(&quot_module);
}
