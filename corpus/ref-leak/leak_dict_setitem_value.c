/* ref-leak: PyDict_SetItemString does not steal; the value 'va' is never
 * released after being inserted ('vb' is handled correctly). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
counts_to_dict(PyObject *self, PyObject *args)
{
    Py_ssize_t a, b;
    if (!PyArg_ParseTuple(args, "nn", &a, &b))
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *va = PyLong_FromSsize_t(a); // expected-warning{{ref-leak}}
    if (va == NULL || PyDict_SetItemString(d, "a", va) < 0) {
        Py_XDECREF(va);
        Py_DECREF(d);
        return NULL;
    }
    PyObject *vb = PyLong_FromSsize_t(b);
    if (vb == NULL || PyDict_SetItemString(d, "b", vb) < 0) {
        Py_XDECREF(vb);
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(vb);
    return d;
}

static PyMethodDef counts_methods[] = {
    {"to_dict", counts_to_dict, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef counts_module = {
    PyModuleDef_HEAD_INIT, "counts", NULL, -1, counts_methods
};

PyMODINIT_FUNC
PyInit_counts(void)
{
    return PyModule_Create(&counts_module);
}
