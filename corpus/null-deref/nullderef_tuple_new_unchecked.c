/* null-deref: PyTuple_New() may fail; its result is filled with
 * PyTuple_SET_ITEM without a check. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
as_singleton(PyObject *self, PyObject *value)
{
    (void)self;
    PyObject *result = PyTuple_New(1);
    Py_INCREF(value);
    PyTuple_SET_ITEM(result, 0, value); // expected-warning{{null-deref}}
    return result;
}

static PyMethodDef tuples_methods[] = {
    {"as_singleton", as_singleton, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef tuples_module = {
    PyModuleDef_HEAD_INIT, "tuples", NULL, -1, tuples_methods
};

PyMODINIT_FUNC
PyInit_tuples(void)
{
    return PyModule_Create(&tuples_module);
}
