/* clean: PyTuple_New() is checked before PyTuple_SET_ITEM, and the
 * reference to 'value' is only added once the tuple exists. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
as_singleton(PyObject *self, PyObject *value)
{
    (void)self;
    PyObject *result = PyTuple_New(1);
    if (!result)
        return NULL;
    Py_INCREF(value);
    PyTuple_SET_ITEM(result, 0, value);
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
