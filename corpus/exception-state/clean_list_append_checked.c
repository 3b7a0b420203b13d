/* clean: every PyList_Append() is checked with "< 0" and the partial list
 * is released on failure. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ranges_expand(PyObject *self, PyObject *args)
{
    long start, stop, step = 1;
    if (!PyArg_ParseTuple(args, "ll|l", &start, &stop, &step))
        return NULL;
    if (step <= 0) {
        PyErr_SetString(PyExc_ValueError, "step must be positive");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (long v = start; v < stop; v += step) {
        PyObject *item = PyLong_FromLong(v);
        if (item == NULL)
            goto error;
        if (PyList_Append(out, item) < 0) {
            Py_DECREF(item);
            goto error;
        }
        Py_DECREF(item);
        if (stop - v <= step)
            break;
    }
    PyObject *marker = PyUnicode_FromString("end");
    if (marker == NULL)
        goto error;
    int rc = PyList_Append(out, marker);
    Py_DECREF(marker);
    if (rc < 0)
        goto error;
    return out;

error:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef ranges_methods[] = {
    {"expand", ranges_expand, METH_VARARGS, NULL},
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
