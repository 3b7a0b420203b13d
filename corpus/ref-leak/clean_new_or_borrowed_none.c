/* clean: a helper returns either a new object or a borrowed Py_None (its
 * own protocol); the caller releases the result only when it is not
 * None.  Nothing leaks and nothing is released twice. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
optional_pair(long a, long b)
{
    if (a == 0 && b == 0)
        return Py_None;                 /* borrowed: callers know */
    return Py_BuildValue("(ll)", a, b);
}

static PyObject *
span_describe(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *pair = optional_pair(a, b);
    if (pair == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    if (pair != Py_None) {
        int rc = PyDict_SetItemString(d, "pair", pair);
        Py_DECREF(pair);
        if (rc < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static PyMethodDef span_methods[] = {
    {"describe", span_describe, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef span_module = {
    PyModuleDef_HEAD_INIT, "span", NULL, -1, span_methods
};

PyMODINIT_FUNC
PyInit_span(void)
{
    return PyModule_Create(&span_module);
}
