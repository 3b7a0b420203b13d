/* ref-leak: a reference taken with Py_NewRef on a borrowed argument leaks
 * when the first callback call fails. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
apply_twice(PyObject *self, PyObject *args)
{
    PyObject *func, *arg;
    if (!PyArg_ParseTuple(args, "OO", &func, &arg))
        return NULL;
    PyObject *cur = Py_NewRef(arg); // expected-warning{{ref-leak}}
    PyObject *next = PyObject_CallOneArg(func, cur);
    if (next == NULL)
        return NULL;                      /* leaks 'cur' */
    Py_DECREF(cur);
    cur = next;
    next = PyObject_CallOneArg(func, cur);
    Py_DECREF(cur);
    return next;
}

static PyMethodDef functools2_methods[] = {
    {"apply_twice", apply_twice, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef functools2_module = {
    PyModuleDef_HEAD_INIT, "functools2", NULL, -1, functools2_methods
};

PyMODINIT_FUNC
PyInit_functools2(void)
{
    return PyModule_Create(&functools2_module);
}
