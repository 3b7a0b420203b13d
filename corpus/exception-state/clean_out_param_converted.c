/* clean: a converter writes its result through an output parameter and
 * tests the value it wrote (*out == -1 && PyErr_Occurred()), so a failed
 * PyLong_AsLong() is reported with -1 and never taken for success. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
to_port(PyObject *value, long *port)
{
    *port = PyLong_AsLong(value);
    if (*port == -1 && PyErr_Occurred())
        return -1;
    if (*port < 0 || *port > 65535) {
        PyErr_SetString(PyExc_ValueError, "port out of range");
        return -1;
    }
    return 0;
}

static PyObject *
next_port(PyObject *module, PyObject *value)
{
    long port;
    (void)module;
    if (to_port(value, &port) < 0)
        return NULL;
    return PyLong_FromLong(port == 65535 ? 1024 : port + 1);
}

static PyMethodDef ports_methods[] = {
    {"next_port", next_port, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ports_module = {
    PyModuleDef_HEAD_INIT, "ports", NULL, -1, ports_methods
};

PyMODINIT_FUNC
PyInit_ports(void)
{
    return PyModule_Create(&ports_module);
}
