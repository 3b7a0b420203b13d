/* use-after-release: the callback's result is released after its type is
 * checked, and then returned to the caller. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
checked_call(PyObject *self, PyObject *args)
{
    PyObject *func, *arg;
    if (!PyArg_ParseTuple(args, "OO", &func, &arg))
        return NULL;
    PyObject *res = PyObject_CallOneArg(func, arg);
    if (res == NULL)
        return NULL;
    int ok = PyLong_Check(res);
    Py_DECREF(res);
    if (!ok) {
        PyErr_SetString(PyExc_TypeError, "callback must return an int");
        return NULL;
    }
    return res; // expected-warning{{use-after-release}}
}

static PyMethodDef checked_methods[] = {
    {"checked_call", checked_call, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef checked_module = {
    PyModuleDef_HEAD_INIT, "checked", NULL, -1, checked_methods
};

PyMODINIT_FUNC
PyInit_checked(void)
{
    return PyModule_Create(&checked_module);
}
