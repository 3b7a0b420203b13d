/* gil-violation: the long-running loop polls PyErr_CheckSignals() while
 * the GIL is released; it must be wrapped in Py_BLOCK_THREADS. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
collatz_longest(PyObject *self, PyObject *args)
{
    unsigned long long limit;
    if (!PyArg_ParseTuple(args, "K", &limit))
        return NULL;
    unsigned long long best = 1, best_len = 1;
    int interrupted = 0;
    Py_BEGIN_ALLOW_THREADS
    for (unsigned long long start = 1; start <= limit; start++) {
        unsigned long long x = start, len = 1;
        while (x != 1) {
            x = (x & 1) ? 3 * x + 1 : x / 2;
            len++;
        }
        if (len > best_len) {
            best_len = len;
            best = start;
        }
        if ((start & 0xfffff) == 0 && PyErr_CheckSignals() < 0) { // expected-warning{{gil-violation}}
            interrupted = 1;
            break;
        }
    }
    Py_END_ALLOW_THREADS
    if (interrupted)
        return NULL;
    return Py_BuildValue("(KK)", best, best_len);
}

static PyMethodDef collatz_methods[] = {
    {"longest", collatz_longest, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef collatz_module = {
    PyModuleDef_HEAD_INIT, "collatz", NULL, -1, collatz_methods
};

PyMODINIT_FUNC
PyInit_collatz(void)
{
    return PyModule_Create(&collatz_module);
}
