/* exception-state: a converter writes its result through an output
 * parameter and checks only its range, which admits -1, the value
 * PyLong_AsLong() returns on failure.  A failed conversion is then taken
 * for success, with the exception still set. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
to_port(PyObject *value, long *port)
{
    *port = PyLong_AsLong(value);
    if (*port < -1 || *port > 65535) {
        PyErr_SetString(PyExc_ValueError, "port out of range");
        return -1;
    }
    return 0; // expected-warning{{exception-state}}
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
    PyModuleDef_HEAD_INIT, "ports2", NULL, -1, ports_methods
};

PyMODINIT_FUNC
PyInit_ports2(void)
{
    return PyModule_Create(&ports_module);
}
