/* exception-state: the 0 (failure) result of PyArg_ParseTuple() is ignored;
 * on bad arguments the defaults are used and a TypeError stays set. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
clamp_value(PyObject *self, PyObject *args)
{
    double x = 0.0, lo = 0.0, hi = 1.0;
    PyArg_ParseTuple(args, "d|dd", &x, &lo, &hi); // expected-warning{{exception-state}}
    if (lo > hi) {
        PyErr_SetString(PyExc_ValueError, "lo must not exceed hi");
        return NULL;
    }
    if (x < lo)
        x = lo;
    else if (x > hi)
        x = hi;
    return PyFloat_FromDouble(x); // expected-warning{{exception-state}}
}

static PyMethodDef clamp_methods[] = {
    {"value", clamp_value, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef clamp_module = {
    PyModuleDef_HEAD_INIT, "clamp", NULL, -1, clamp_methods
};

PyMODINIT_FUNC
PyInit_clamp(void)
{
    return PyModule_Create(&clamp_module);
}
