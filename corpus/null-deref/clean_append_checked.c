/* clean: each new item is checked before PyList_Append() and released
 * right after it, on both outcomes. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
indices(PyObject *self, PyObject *args)
{
    Py_ssize_t n, step = 1;
    (void)self;
    if (!PyArg_ParseTuple(args, "n|n", &n, &step))
        return NULL;
    if (step <= 0) {
        PyErr_SetString(PyExc_ValueError, "step must be positive");
        return NULL;
    }
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i += step) {
        PyObject *item = PyLong_FromSsize_t(i);
        if (item == NULL)
            goto error;
        int rc = PyList_Append(result, item);
        Py_DECREF(item);
        if (rc < 0)
            goto error;
    }
    return result;
error:
    Py_DECREF(result);
    return NULL;
}

static PyMethodDef ranges_methods[] = {
    {"indices", indices, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ranges_module = {
    PyModuleDef_HEAD_INIT, "ranges", NULL, -1, ranges_methods
};

PyMODINIT_FUNC
PyInit_ranges(void)
{
    return PyModule_Create(&ranges_module);
}
