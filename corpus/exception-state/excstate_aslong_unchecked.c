/* exception-state: PyLong_AsLong() may fail (-1 with an exception set) and
 * the result is used without asking PyErr_Occurred(). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ports_next_port(PyObject *self, PyObject *arg)
{
    long port = PyLong_AsLong(arg);
    if (port >= 65535) {
        PyErr_SetString(PyExc_ValueError, "no port after 65535");
        return NULL;
    }
    return PyLong_FromLong(port + 1); // expected-warning{{exception-state}}
}

static PyMethodDef ports_methods[] = {
    {"next_port", ports_next_port, METH_O, NULL},
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
