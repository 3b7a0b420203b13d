/* methoddef-mismatch: the method table has no {NULL, NULL, 0, NULL}
 * sentinel, so PyModule_Create reads past its end. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
bits_popcount(PyObject *self, PyObject *arg)
{
    unsigned long long v = PyLong_AsUnsignedLongLong(arg);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return NULL;
    int n = 0;
    while (v) {
        v &= v - 1;
        n++;
    }
    return PyLong_FromLong(n);
}

static PyObject *
bits_width(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(64);
}

static PyMethodDef bits_methods[] = { // expected-warning{{methoddef-mismatch}}
    {"popcount", bits_popcount, METH_O, NULL},
    {"width", bits_width, METH_NOARGS, NULL},
};

static struct PyModuleDef bits_module = {
    PyModuleDef_HEAD_INIT, "bits", NULL, -1, bits_methods
};

PyMODINIT_FUNC
PyInit_bits(void)
{
    return PyModule_Create(&bits_module);
}
