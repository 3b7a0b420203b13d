/* ref-overrelease: 'x' is released before jumping to the cleanup block,
 * which releases it a second time (it was not reset to NULL). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make_pair(PyObject *self, PyObject *args)
{
    long a, b;
    PyObject *x = NULL, *y = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    x = PyLong_FromLong(a);
    if (x == NULL)
        goto error;
    y = PyLong_FromLong(b);
    if (y == NULL) {
        Py_DECREF(x);
        goto error;
    }
    result = PyTuple_Pack(2, x, y);
error:
    Py_XDECREF(x); // expected-warning{{ref-overrelease}}
    Py_XDECREF(y);
    return result;
}

static PyMethodDef pairs_methods[] = {
    {"make_pair", make_pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pairs_module = {
    PyModuleDef_HEAD_INIT, "pairs", NULL, -1, pairs_methods
};

PyMODINIT_FUNC
PyInit_pairs(void)
{
    return PyModule_Create(&pairs_module);
}
