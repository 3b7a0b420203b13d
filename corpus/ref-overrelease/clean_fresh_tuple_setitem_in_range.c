/* clean: PyTuple_SetItem fails only for an index out of range or an
 * object that is not a (private) tuple.  On a tuple just made by
 * PyTuple_New(2), slots 0 and 1 are in range, so the error branches after
 * them are dead code: the release of the already handed-over item in them
 * is never run and is not reported. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
pair_of_ints(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *first = PyLong_FromLong(a);
    if (first == NULL)
        return NULL;
    PyObject *second = PyLong_FromLong(b);
    if (second == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        Py_DECREF(first);
        Py_DECREF(second);
        return NULL;
    }
    if (PyTuple_SetItem(pair, 0, first) < 0) {
        Py_DECREF(first);
        Py_DECREF(second);
        Py_DECREF(pair);
        return NULL;
    }
    if (PyTuple_SetItem(pair, 1, second) < 0) {
        Py_DECREF(second);
        Py_DECREF(pair);
        return NULL;
    }
    return pair;
}

static PyMethodDef pair_methods[] = {
    {"pair_of_ints", pair_of_ints, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pair_module = {
    PyModuleDef_HEAD_INIT, "pairs", NULL, -1, pair_methods
};

PyMODINIT_FUNC
PyInit_pairs(void)
{
    return PyModule_Create(&pair_module);
}
