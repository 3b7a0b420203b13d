/* format-mismatch: "q" is not a format unit of PyArg_ParseTuple (long long
 * is "L"); the call always fails with SystemError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
clock_add_ns(PyObject *self, PyObject *args)
{
    long long base, delta;
    if (!PyArg_ParseTuple(args, "qL:add_ns", &base, &delta)) // expected-warning{{format-mismatch}}
        return NULL;
    if ((delta > 0 && base > LLONG_MAX - delta) ||
        (delta < 0 && base < LLONG_MIN - delta)) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range");
        return NULL;
    }
    return PyLong_FromLongLong(base + delta);
}

static PyMethodDef clock_methods[] = {
    {"add_ns", clock_add_ns, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef clock_module = {
    PyModuleDef_HEAD_INIT, "nsclock", NULL, -1, clock_methods
};

PyMODINIT_FUNC
PyInit_nsclock(void)
{
    return PyModule_Create(&clock_module);
}
