/* clean: PyDict_GetItemWithError() returns NULL both for a missing key and
 * on error; PyErr_Occurred() tells them apart before the default is used. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
config_get_timeout(PyObject *self, PyObject *args)
{
    PyObject *config, *key;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &config, &key))
        return NULL;
    PyObject *value = PyDict_GetItemWithError(config, key);
    if (value == NULL) {
        if (PyErr_Occurred())
            return NULL;
        return PyFloat_FromDouble(30.0);
    }
    double timeout = PyFloat_AsDouble(value);
    if (timeout == -1.0 && PyErr_Occurred())
        return NULL;
    if (timeout < 0.0) {
        PyErr_SetString(PyExc_ValueError, "timeout must not be negative");
        return NULL;
    }
    return PyFloat_FromDouble(timeout);
}

static PyMethodDef config_methods[] = {
    {"get_timeout", config_get_timeout, METH_VARARGS, NULL},
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
