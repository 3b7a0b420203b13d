/* clean: the text is released only after the size check that may format it
 * into the error message; the error block releases it with Py_XDECREF. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
encode_limited(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *encoding;
    Py_ssize_t limit;
    PyObject *text = NULL, *data = NULL;
    if (!PyArg_ParseTuple(args, "Osn", &obj, &encoding, &limit))
        return NULL;
    text = PyObject_Str(obj);
    if (text == NULL)
        goto error;
    data = PyUnicode_AsEncodedString(text, encoding, "strict");
    if (data == NULL)
        goto error;
    if (PyBytes_GET_SIZE(data) > limit) {
        PyErr_Format(PyExc_ValueError, "%U is too long when encoded", text);
        goto error;
    }
    Py_DECREF(text);
    return data;
error:
    Py_XDECREF(text);
    Py_XDECREF(data);
    return NULL;
}

static PyMethodDef encode_methods[] = {
    {"encode_limited", encode_limited, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef encode_module = {
    PyModuleDef_HEAD_INIT, "encode", NULL, -1, encode_methods
};

PyMODINIT_FUNC
PyInit_encode(void)
{
    return PyModule_Create(&encode_module);
}
