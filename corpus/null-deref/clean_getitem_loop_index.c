/* clean: PyTuple_GetItem / PyList_GetItem with the loop index of a loop
 * bounded by the container's size cannot fail (IndexError is only for an
 * index out of range), so their results need no NULL test there. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
weights_total(PyObject *self, PyObject *arg)
{
    if (!PyTuple_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected a tuple");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(arg);
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GetItem(arg, i);
        double w = PyFloat_AsDouble(item);
        if (w == -1.0 && PyErr_Occurred())
            return NULL;
        total += w;
    }
    return PyFloat_FromDouble(total);
}

static PyObject *
weights_names(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *name = PyList_GetItem(list, i);
        if (PyUnicode_Check(name) && PyUnicode_GET_LENGTH(name) > 0)
            count++;
    }
    return PyLong_FromSsize_t(count);
}

static PyMethodDef weights_methods[] = {
    {"total", weights_total, METH_O, NULL},
    {"names", weights_names, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef weights_module = {
    PyModuleDef_HEAD_INIT, "weights", NULL, -1, weights_methods
};

PyMODINIT_FUNC
PyInit_weights(void)
{
    return PyModule_Create(&weights_module);
}
