/* clean: PyLong_AsLong() returning -1 is only an error when
 * PyErr_Occurred() says so; overflow of the result raises OverflowError. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>

static PyObject *
double_it(PyObject *self, PyObject *arg)
{
    (void)self;
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (v > LONG_MAX / 2 || v < LONG_MIN / 2) {
        PyErr_SetString(PyExc_OverflowError, "result does not fit in a C long");
        return NULL;
    }
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
