/* clean: the empty-argument case raises TypeError before returning NULL;
 * the comparison error path returns the NULL of a failed call. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
max_of(PyObject *self, PyObject *args)
{
    (void)self;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0) {
        PyErr_SetString(PyExc_TypeError, "max_of expected at least 1 argument");
        return NULL;
    }
    PyObject *best = PyTuple_GET_ITEM(args, 0);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        int gt = PyObject_RichCompareBool(item, best, Py_GT);
        if (gt < 0)
            return NULL;
        if (gt)
            best = item;
    }
    return Py_NewRef(best);
}

static PyMethodDef maxof_methods[] = {
    {"max_of", max_of, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef maxof_module = {
    PyModuleDef_HEAD_INIT, "maxof", NULL, -1, maxof_methods
};

PyMODINIT_FUNC
PyInit_maxof(void)
{
    return PyModule_Create(&maxof_module);
}
