/* null-deref: PyDict_GetItemString() returns NULL for a missing key
 * without setting an exception.  PyLong_AsLong() checks for NULL, but a
 * NULL with no error pending is a programming error to it: it raises
 * SystemError ("bad argument to internal function") instead of the
 * KeyError the caller meant, and the -1 is then taken as the value. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
config_port(PyObject *self, PyObject *config)
{
    if (!PyDict_Check(config)) {
        PyErr_SetString(PyExc_TypeError, "expected a dict");
        return NULL;
    }
    PyObject *port = PyDict_GetItemString(config, "port");
    long value = PyLong_AsLong(port); // expected-warning{{null-deref}}
    if (value == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(value + 1);
}

static PyMethodDef config_methods[] = {
    {"config_port", config_port, METH_O, NULL},
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
