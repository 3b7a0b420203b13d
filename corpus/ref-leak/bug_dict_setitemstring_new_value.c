/* ref-leak: a new reference is created inline as the value argument of
 * PyDict_SetItemString(d, "port", PyLong_FromLong(port)).  The dict takes
 * its own reference to the value (PyDict_SetItemString does not steal),
 * and the caller never had a name for the one PyLong_FromLong returned, so
 * it can never be released: one int leaks per call ('host' is done right).
 * The same inline call also hands an unchecked NULL to the dict when
 * PyLong_FromLong fails (null-deref): the idiom has both bugs. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
endpoint_as_dict(PyObject *self, PyObject *args)
{
    const char *host;
    long port;
    if (!PyArg_ParseTuple(args, "sl", &host, &port))
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *h = PyUnicode_FromString(host);
    if (h == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    int rc = PyDict_SetItemString(d, "host", h);
    Py_DECREF(h);
    if (rc < 0) {
        Py_DECREF(d);
        return NULL;
    }
    if (PyDict_SetItemString(d, "port", PyLong_FromLong(port)) < 0) { // expected-warning{{ref-leak}} expected-warning{{null-deref}}
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef endpoint_methods[] = {
    {"as_dict", endpoint_as_dict, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef endpoint_module = {
    PyModuleDef_HEAD_INIT, "endpoint", NULL, -1, endpoint_methods
};

PyMODINIT_FUNC
PyInit_endpoint(void)
{
    return PyModule_Create(&endpoint_module);
}
