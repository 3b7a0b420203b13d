/* format-mismatch: with PY_SSIZE_T_CLEAN the length of "s#" is a
 * Py_ssize_t, but 'len' is an int. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
checksum_adler(PyObject *self, PyObject *args)
{
    const char *data;
    int len;
    if (!PyArg_ParseTuple(args, "s#:adler", &data, &len)) // expected-warning{{format-mismatch}}
        return NULL;
    unsigned long a = 1, b = 0;
    for (int i = 0; i < len; i++) {
        a = (a + (unsigned char)data[i]) % 65521;
        b = (b + a) % 65521;
    }
    return PyLong_FromUnsignedLong((b << 16) | a);
}

static PyObject *
checksum_xor(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#:xor", &data, &len))
        return NULL;
    unsigned char x = 0;
    for (Py_ssize_t i = 0; i < len; i++)
        x ^= (unsigned char)data[i];
    return PyLong_FromLong(x);
}

static PyMethodDef checksum_methods[] = {
    {"adler", checksum_adler, METH_VARARGS, NULL},
    {"xor", checksum_xor, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef checksum_module = {
    PyModuleDef_HEAD_INIT, "checksum", NULL, -1, checksum_methods
};

PyMODINIT_FUNC
PyInit_checksum(void)
{
    return PyModule_Create(&checksum_module);
}
