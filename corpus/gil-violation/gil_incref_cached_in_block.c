/* gil-violation: on the cache-hit branch the cached result is taken with
 * Py_INCREF while the GIL is released for the lookup. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define CACHE_SIZE 64

static long cache_keys[CACHE_SIZE];
static PyObject *cache_values[CACHE_SIZE];

static unsigned long long
slow_fib(long n)
{
    unsigned long long a = 0, b = 1;
    for (long i = 0; i < n; i++) {
        unsigned long long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

static PyObject *
memo_fib(PyObject *self, PyObject *args)
{
    long n;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    if (n < 0 || n > 93) {
        PyErr_SetString(PyExc_ValueError, "n must be in 0..93");
        return NULL;
    }
    PyObject *hit = NULL;
    unsigned long long value = 0;
    size_t slot = (size_t)n % CACHE_SIZE;
    Py_BEGIN_ALLOW_THREADS
    if (cache_values[slot] != NULL && cache_keys[slot] == n) {
        hit = cache_values[slot];
        Py_INCREF(hit); // expected-warning{{gil-violation}}
    }
    else {
        value = slow_fib(n);
    }
    Py_END_ALLOW_THREADS
    if (hit != NULL)
        return hit;
    PyObject *result = PyLong_FromUnsignedLongLong(value);
    if (result == NULL)
        return NULL;
    Py_XSETREF(cache_values[slot], Py_NewRef(result));
    cache_keys[slot] = n;
    return result;
}

static PyMethodDef memo_methods[] = {
    {"fib", memo_fib, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef memo_module = {
    PyModuleDef_HEAD_INIT, "memo", NULL, -1, memo_methods
};

PyMODINIT_FUNC
PyInit_memo(void)
{
    return PyModule_Create(&memo_module);
}
