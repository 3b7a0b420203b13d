/* clean: _PyErr_FormatFromCause() (from <cpython/pyerrors.h>) sets a new
 * exception, chained to the current one, and always returns NULL, like
 * PyErr_Format().  Its result may be dropped; nothing is leaked. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
read_header(PyObject *module, PyObject *stream)
{
    (void)module;
    PyObject *data = PyObject_CallMethod(stream, "read", "n", (Py_ssize_t)16);
    if (data == NULL) {
        _PyErr_FormatFromCause(PyExc_OSError, "cannot read the header of %R",
                               stream);
        return NULL;
    }
    if (!PyBytes_Check(data)) {
        Py_DECREF(data);
        return _PyErr_FormatFromCause(PyExc_TypeError, "read() gave %s",
                                      "no bytes");
    }
    return data;
}

static PyMethodDef header_methods[] = {
    {"read_header", read_header, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef header_module = {
    PyModuleDef_HEAD_INIT, "header", NULL, -1, header_methods
};

PyMODINIT_FUNC
PyInit_header(void)
{
    return PyModule_Create(&header_module);
}
