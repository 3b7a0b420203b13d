/* clean: PyDict_GetItemWithError() distinguishes a missing key (NULL, no
 * exception) from an error (NULL with exception) via PyErr_Occurred(). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
get_port(PyObject *self, PyObject *args)
{
    PyObject *config, *key, *port;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!U", &PyDict_Type, &config, &key))
        return NULL;
    port = PyDict_GetItemWithError(config, key);
    if (port == NULL) {
        if (PyErr_Occurred())
            return NULL;
        return PyLong_FromLong(8080);
    }
    long value = PyLong_AsLong(port);
    if (value == -1 && PyErr_Occurred())
        return NULL;
    if (value <= 0 || value > 65535) {
        PyErr_Format(PyExc_ValueError, "invalid port %R", port);
        return NULL;
    }
    return PyLong_FromLong(value);
}

static PyMethodDef netcfg_methods[] = {
    {"get_port", get_port, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef netcfg_module = {
    PyModuleDef_HEAD_INIT, "netcfg", NULL, -1, netcfg_methods
};

PyMODINIT_FUNC
PyInit_netcfg(void)
{
    return PyModule_Create(&netcfg_module);
}
