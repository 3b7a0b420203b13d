/* gil-violation: signals are polled correctly under Py_BLOCK_THREADS, but
 * the overflow branch raises after Py_UNBLOCK_THREADS released the GIL again. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
series_sum_squares(PyObject *self, PyObject *args)
{
    unsigned long long n;
    if (!PyArg_ParseTuple(args, "K", &n))
        return NULL;
    unsigned long long acc = 0;
    int failed = 0;
    Py_BEGIN_ALLOW_THREADS
    for (unsigned long long i = 1; i <= n; i++) {
        if ((i & 0xffffff) == 0) {
            Py_BLOCK_THREADS
            failed = PyErr_CheckSignals() < 0;
            Py_UNBLOCK_THREADS
            if (failed)
                break;
        }
        if (i > 0xffffffffULL || acc > ~0ULL - i * i) {
            PyErr_SetString(PyExc_OverflowError, "sum does not fit in 64 bits"); // expected-warning{{gil-violation}}
            failed = 1;
            break;
        }
        acc += i * i;
    }
    Py_END_ALLOW_THREADS
    if (failed)
        return NULL;
    return PyLong_FromUnsignedLongLong(acc);
}

static PyMethodDef series_methods[] = {
    {"sum_squares", series_sum_squares, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef series_module = {
    PyModuleDef_HEAD_INIT, "series", NULL, -1, series_methods
};

PyMODINIT_FUNC
PyInit_series(void)
{
    return PyModule_Create(&series_module);
}
