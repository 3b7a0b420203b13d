/* null-deref: 'buf' is still NULL (its initial value) when the argument
 * checks jump to the error block, which releases it with Py_DECREF. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
repeat_byte(PyObject *self, PyObject *args)
{
    PyObject *buf = NULL;
    int byte;
    Py_ssize_t size;
    (void)self;
    if (!PyArg_ParseTuple(args, "in", &byte, &size))
        goto error;
    if (size < 0 || byte < 0 || byte > 255) {
        PyErr_SetString(PyExc_ValueError, "bad size or byte value");
        goto error;
    }
    buf = PyBytes_FromStringAndSize(NULL, size);
    if (buf == NULL)
        goto error;
    memset(PyBytes_AS_STRING(buf), byte, (size_t)size);
    return buf;
error:
    Py_DECREF(buf); // expected-warning{{null-deref}}
    return NULL;
}

static PyMethodDef bytefill_methods[] = {
    {"repeat_byte", repeat_byte, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef bytefill_module = {
    PyModuleDef_HEAD_INIT, "bytefill", NULL, -1, bytefill_methods
};

PyMODINIT_FUNC
PyInit_bytefill(void)
{
    return PyModule_Create(&bytefill_module);
}
