/* clean: the default case of the switch raises ValueError with
 * `return PyErr_Format(...)`. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

static PyObject *
round_value(PyObject *self, PyObject *args)
{
    double x;
    int mode;
    (void)self;
    if (!PyArg_ParseTuple(args, "di", &x, &mode))
        return NULL;
    switch (mode) {
    case 0:
        return PyLong_FromDouble(trunc(x));
    case 1:
        return PyLong_FromDouble(ceil(x));
    case 2:
        return PyFloat_FromDouble(x);
    default:
        return PyErr_Format(PyExc_ValueError, "invalid rounding mode %d", mode);
    }
}

static PyMethodDef rounding_methods[] = {
    {"round_value", round_value, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef rounding_module = {
    PyModuleDef_HEAD_INIT, "rounding", NULL, -1, rounding_methods
};

PyMODINIT_FUNC
PyInit_rounding(void)
{
    return PyModule_Create(&rounding_module);
}
