/* null-deref: the result of file.read() is used with PyBytes_GET_SIZE
 * before checking that the call succeeded. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
read_length(PyObject *self, PyObject *file)
{
    (void)self;
    PyObject *data = PyObject_CallMethod(file, "read", NULL);
    Py_ssize_t n = PyBytes_GET_SIZE(data); // expected-warning{{null-deref}}
    Py_DECREF(data);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef filelen_methods[] = {
    {"read_length", read_length, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef filelen_module = {
    PyModuleDef_HEAD_INIT, "filelen", NULL, -1, filelen_methods
};

PyMODINIT_FUNC
PyInit_filelen(void)
{
    return PyModule_Create(&filelen_module);
}
