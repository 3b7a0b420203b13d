/* ref-leak: an early validation return ('port is None') forgets to release
 * the attribute fetched just before. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
config_next_port(PyObject *self, PyObject *cfg)
{
    PyObject *port = PyObject_GetAttrString(cfg, "port"); // expected-warning{{ref-leak}}
    if (port == NULL)
        return NULL;
    if (port == Py_None) {
        PyErr_SetString(PyExc_ValueError, "port is not set");
        return NULL;                      /* leaks 'port' */
    }
    long value = PyLong_AsLong(port);
    Py_DECREF(port);
    if (value == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(value + 1);
}

static PyMethodDef config_methods[] = {
    {"next_port", config_next_port, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef config_module = {
    PyModuleDef_HEAD_INIT, "config", NULL, -1, config_methods
};

PyMODINIT_FUNC
PyInit_config(void)
{
    return PyModule_Create(&config_module);
}
