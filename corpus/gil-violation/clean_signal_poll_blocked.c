/* clean: a long computation polls for signals by re-taking the GIL with
 * Py_BLOCK_THREADS and giving it up again with Py_UNBLOCK_THREADS. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
primes_count_below(PyObject *self, PyObject *args)
{
    unsigned long limit;
    if (!PyArg_ParseTuple(args, "k", &limit))
        return NULL;
    unsigned long count = 0;
    int interrupted = 0;
    Py_BEGIN_ALLOW_THREADS
    for (unsigned long n = 2; n < limit; n++) {
        int prime = 1;
        for (unsigned long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                prime = 0;
                break;
            }
        }
        count += (unsigned long)prime;
        if ((n & 0xffff) == 0) {
            Py_BLOCK_THREADS
            if (PyErr_CheckSignals() < 0)
                interrupted = 1;
            Py_UNBLOCK_THREADS
            if (interrupted)
                break;
        }
    }
    Py_END_ALLOW_THREADS
    if (interrupted)
        return NULL;
    return PyLong_FromUnsignedLong(count);
}

static PyMethodDef primes_methods[] = {
    {"count_below", primes_count_below, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef primes_module = {
    PyModuleDef_HEAD_INIT, "primes", NULL, -1, primes_methods
};

PyMODINIT_FUNC
PyInit_primes(void)
{
    return PyModule_Create(&primes_module);
}
