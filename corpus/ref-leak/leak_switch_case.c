/* ref-leak: inside a switch, the default case raises and returns without
 * releasing the string created before the switch. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
encode_text(PyObject *self, PyObject *args)
{
    int kind;
    PyObject *value;
    if (!PyArg_ParseTuple(args, "iO", &kind, &value))
        return NULL;
    PyObject *text = PyObject_Str(value); // expected-warning{{ref-leak}}
    if (text == NULL)
        return NULL;
    PyObject *res;
    switch (kind) {
    case 0:
        res = PyUnicode_AsUTF8String(text);
        break;
    case 1:
        res = PyUnicode_AsASCIIString(text);
        break;
    case 2:
        return text;                      /* ownership handed to the caller */
    default:
        PyErr_Format(PyExc_ValueError, "unknown encoding kind %d", kind);
        return NULL;                      /* leaks 'text' */
    }
    Py_DECREF(text);
    return res;
}

static PyMethodDef codec_methods[] = {
    {"encode", encode_text, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef codec_module = {
    PyModuleDef_HEAD_INIT, "codec", NULL, -1, codec_methods
};

PyMODINIT_FUNC
PyInit_codec(void)
{
    return PyModule_Create(&codec_module);
}
