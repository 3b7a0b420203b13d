/* ref-overrelease: the argument tuple's item (PyTuple_GetItem, borrowed) is
 * released on the conversion-error path. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
doubled(PyObject *self, PyObject *args)
{
    PyObject *value = PyTuple_GetItem(args, 0);
    if (value == NULL)
        return NULL;
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) {
        Py_DECREF(value); // expected-warning{{ref-overrelease}}
        return NULL;
    }
    return PyFloat_FromDouble(d * 2.0);
}

static PyMethodDef scale_methods[] = {
    {"doubled", doubled, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef scale_module = {
    PyModuleDef_HEAD_INIT, "scale", NULL, -1, scale_methods
};

PyMODINIT_FUNC
PyInit_scale(void)
{
    return PyModule_Create(&scale_module);
}
