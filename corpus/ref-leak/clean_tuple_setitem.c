/* clean: PyTuple_SetItem steals its item even when it fails, so items are
 * not released after being handed over. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
divmod_pair(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    if (b == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *q = PyLong_FromLong(a / b);
    if (q == NULL || PyTuple_SetItem(t, 0, q) < 0) {
        Py_DECREF(t);
        return NULL;
    }
    PyObject *r = PyLong_FromLong(a % b);
    if (r == NULL)
        goto fail;
    if (PyTuple_SetItem(t, 1, r) < 0)
        goto fail;
    return t;
fail:
    Py_DECREF(t);
    return NULL;
}

static PyMethodDef arith_methods[] = {
    {"divmod_pair", divmod_pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef arith_module = {
    PyModuleDef_HEAD_INIT, "arith", NULL, -1, arith_methods
};

PyMODINIT_FUNC
PyInit_arith(void)
{
    return PyModule_Create(&arith_module);
}
