/* null-deref: 'value' starts NULL; the default case sets an exception but
 * falls out of the switch, and the conversions are not checked either. */
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
        break;
    }
    int rc = PyDict_SetItemString(out, key, value); // expected-warning{{null-deref}}
    Py_XDECREF(value);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
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
