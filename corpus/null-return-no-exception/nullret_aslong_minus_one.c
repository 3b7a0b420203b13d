/* null-return-no-exception: -1 is a valid result of PyLong_AsLong(); the
 * check without PyErr_Occurred() returns NULL for the input -1. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
double_it(PyObject *self, PyObject *arg)
{
    (void)self;
    long v = PyLong_AsLong(arg);
    if (v == -1)
        return NULL; // expected-warning{{null-return-no-exception}}
    return PyLong_FromLong(2 * v);
}

static PyMethodDef arith_methods[] = {
    {"double_it", double_it, METH_O, NULL},
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
