/* clean: the buffer is acquired before the GIL is released, summed without
 * the GIL, and released with PyBuffer_Release() only after Py_END_ALLOW_THREADS. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
vecsum_sum_doubles(PyObject *self, PyObject *obj)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    if (view.format == NULL || view.format[0] != 'd' || view.format[1] != '\0' ||
        view.itemsize != (Py_ssize_t)sizeof(double)) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_TypeError, "expected a buffer of C doubles");
        return NULL;
    }
    const double *x = view.buf;
    Py_ssize_t n = view.len / (Py_ssize_t)sizeof(double);
    double sum = 0.0, comp = 0.0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        double y = x[i] - comp;
        double t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyFloat_FromDouble(sum);
}

static PyMethodDef vecsum_methods[] = {
    {"sum_doubles", vecsum_sum_doubles, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef vecsum_module = {
    PyModuleDef_HEAD_INIT, "vecsum", NULL, -1, vecsum_methods
};

PyMODINIT_FUNC
PyInit_vecsum(void)
{
    return PyModule_Create(&vecsum_module);
}
