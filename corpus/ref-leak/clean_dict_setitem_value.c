/* clean: PyDict_SetItem* does not steal, so every value is released after
 * being stored, on success and on failure alike. */
// expected-no-diagnostics
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
    PyObject *va = PyLong_FromSsize_t(a);
    if (va == NULL || PyDict_SetItemString(d, "a", va) < 0) {
        Py_XDECREF(va);
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(va);
    PyObject *vb = PyLong_FromSsize_t(b);
    if (vb == NULL || PyDict_SetItemString(d, "b", vb) < 0) {
        Py_XDECREF(vb);
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(vb);
    return d;
}

static PyObject *
point_as_dict(PyObject *self, PyObject *args)
{
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y))
        return NULL;
    PyObject *px = PyFloat_FromDouble(x);
    if (px == NULL)
        return NULL;
    PyObject *py = PyFloat_FromDouble(y);
    if (py == NULL) {
        Py_DECREF(px);
        return NULL;
    }
    PyObject *d = PyDict_New();
    if (d == NULL)
        goto fail;
    if (PyDict_SetItemString(d, "x", px) < 0 ||
        PyDict_SetItemString(d, "y", py) < 0) {
        Py_DECREF(d);
        goto fail;
    }
    Py_DECREF(px);
    Py_DECREF(py);
    return d;
fail:
    Py_DECREF(px);
    Py_DECREF(py);
    return NULL;
}

static PyMethodDef counts_methods[] = {
    {"to_dict", counts_to_dict, METH_VARARGS, NULL},
    {"point_as_dict", point_as_dict, METH_VARARGS, NULL},
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
