/* null-return-no-exception: PyMem_Malloc() returns NULL without setting
 * an exception; the method must call PyErr_NoMemory() before returning. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
reversed_bytes(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    (void)self;
    if (!PyArg_ParseTuple(args, "y#", &data, &len))
        return NULL;
    char *buf = PyMem_Malloc(len > 0 ? (size_t)len : 1);
    if (buf == NULL)
        return NULL; // expected-warning{{null-return-no-exception}}
    for (Py_ssize_t i = 0; i < len; i++)
        buf[i] = data[len - 1 - i];
    PyObject *result = PyBytes_FromStringAndSize(buf, len);
    PyMem_Free(buf);
    return result;
}

static PyMethodDef revbytes_methods[] = {
    {"reversed_bytes", reversed_bytes, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef revbytes_module = {
    PyModuleDef_HEAD_INIT, "revbytes", NULL, -1, revbytes_methods
};

PyMODINIT_FUNC
PyInit_revbytes(void)
{
    return PyModule_Create(&revbytes_module);
}
