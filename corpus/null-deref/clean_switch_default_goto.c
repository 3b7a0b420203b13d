/* clean: 'value' starts NULL; every switch case either assigns it (and
 * the result is checked) or raises and jumps to the error exit. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
store_field(PyObject *self, PyObject *args)
{
    PyObject *out, *value = NULL;
    const char *key;
    int code;
    long raw;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!sCl", &PyDict_Type, &out, &key, &code, &raw))
        return NULL;
    switch (code) {
    case 'i':
        value = PyLong_FromLong(raw);
        break;
    case 'd':
        value = PyFloat_FromDouble((double)raw);
        break;
    case 's':
        value = PyUnicode_FromFormat("%ld", raw);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "unknown type code '%c'", code);
        goto error;
    }
    if (value == NULL)
        goto error;
    if (PyDict_SetItemString(out, key, value) < 0)
        goto error;
    Py_DECREF(value);
    Py_RETURN_NONE;
error:
    Py_XDECREF(value);
    return NULL;
}

static PyMethodDef fields_methods[] = {
    {"store_field", store_field, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fields_module = {
    PyModuleDef_HEAD_INIT, "fields", NULL, -1, fields_methods
};

PyMODINIT_FUNC
PyInit_fields(void)
{
    return PyModule_Create(&fields_module);
}
