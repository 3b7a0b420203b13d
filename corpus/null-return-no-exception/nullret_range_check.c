/* null-return-no-exception: argument validation after PyArg_ParseTuple()
 * bails out with NULL but forgets to raise ValueError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
clamp(PyObject *self, PyObject *args)
{
    double value, lo, hi;
    (void)self;
    if (!PyArg_ParseTuple(args, "ddd", &value, &lo, &hi))
        return NULL;
    if (lo > hi)
        return NULL; // expected-warning{{null-return-no-exception}}
    if (value < lo)
        value = lo;
    else if (value > hi)
        value = hi;
    return PyFloat_FromDouble(value);
}

static PyMethodDef clamp_methods[] = {
    {"clamp", clamp, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef clamp_module = {
    PyModuleDef_HEAD_INIT, "clampmod", NULL, -1, clamp_methods
};

PyMODINIT_FUNC
PyInit_clampmod(void)
{
    return PyModule_Create(&clamp_module);
}
