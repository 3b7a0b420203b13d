/* clean: a missing option (PyDict_GetItemString() returns NULL without an
 * exception) falls back to a default instead of being converted. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
open_codec(PyObject *self, PyObject *options)
{
    const char *encoding = "utf-8";
    (void)self;
    if (!PyDict_Check(options)) {
        PyErr_SetString(PyExc_TypeError, "options must be a dict");
        return NULL;
    }
    PyObject *enc = PyDict_GetItemString(options, "encoding");
    if (enc != NULL) {
        encoding = PyUnicode_AsUTF8(enc);
        if (encoding == NULL)
            return NULL;
    }
    return PyUnicode_FromFormat("codec<%s>", encoding);
}

static PyMethodDef codecs_methods[] = {
    {"open_codec", open_codec, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef codecs_module = {
    PyModuleDef_HEAD_INIT, "mycodecs", NULL, -1, codecs_methods
};

PyMODINIT_FUNC
PyInit_mycodecs(void)
{
    return PyModule_Create(&codecs_module);
}
