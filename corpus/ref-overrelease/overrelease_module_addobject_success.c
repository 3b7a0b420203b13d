/* ref-overrelease: PyModule_AddObject steals the value when it succeeds;
 * the unconditional Py_DECREF after it (written as if it were
 * PyModule_AddObjectRef) releases the module's reference on success. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
clamp(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

static PyMethodDef limits_methods[] = {
    {"clamp", clamp, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef limits_module = {
    PyModuleDef_HEAD_INIT, "limits", NULL, -1, limits_methods
};

PyMODINIT_FUNC
PyInit_limits(void)
{
    PyObject *m = PyModule_Create(&limits_module);
    if (m == NULL)
        return NULL;
    PyObject *maxsize = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
    if (maxsize == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    int rc = PyModule_AddObject(m, "MAXSIZE", maxsize);
    Py_DECREF(maxsize); // expected-warning{{ref-overrelease}}
    if (rc < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
