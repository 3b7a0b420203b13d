/* null-deref: PyDict_GetItemString() returns NULL (without an exception)
 * when the key is missing; the option is converted without a check. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
open_codec(PyObject *self, PyObject *options)
{
    (void)self;
    if (!PyDict_Check(options)) {
        PyErr_SetString(PyExc_TypeError, "options must be a dict");
        return NULL;
    }
    PyObject *enc = PyDict_GetItemString(options, "encoding");
    const char *encoding = PyUnicode_AsUTF8(enc); // expected-warning{{null-deref}}
    if (encoding == NULL)
        return NULL;
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
