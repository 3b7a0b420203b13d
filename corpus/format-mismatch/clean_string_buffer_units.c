/* clean: the string and buffer units: "z" and "s" to const char**, "y*"
 * to a Py_buffer that is released, "es" with an encoding and a char**
 * buffer freed with PyMem_Free, "U" and "S" to PyObject**. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
codec_count_byte(PyObject *self, PyObject *args)
{
    Py_buffer view;
    int byte;
    if (!PyArg_ParseTuple(args, "y*i:count_byte", &view, &byte))
        return NULL;
    Py_ssize_t count = 0;
    const unsigned char *p = (const unsigned char *)view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++)
        if (p[i] == (unsigned char)byte)
            count++;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(count);
}

static PyObject *
codec_latin1_length(PyObject *self, PyObject *args)
{
    char *buffer = NULL;
    if (!PyArg_ParseTuple(args, "es:latin1_length", "latin-1", &buffer))
        return NULL;
    size_t n = strlen(buffer);
    PyMem_Free(buffer);
    return PyLong_FromSize_t(n);
}

static PyObject *
codec_greet(PyObject *self, PyObject *args)
{
    const char *name;
    const char *title = NULL;
    if (!PyArg_ParseTuple(args, "s|z:greet", &name, &title))
        return NULL;
    if (title == NULL)
        return PyUnicode_FromFormat("Hello, %s", name);
    return PyUnicode_FromFormat("Hello, %s %s", title, name);
}

static PyObject *
codec_pair(PyObject *self, PyObject *args)
{
    PyObject *text, *data;
    if (!PyArg_ParseTuple(args, "US:pair", &text, &data))
        return NULL;
    return Py_BuildValue("(OO)", data, text);
}

static PyMethodDef codec_methods[] = {
    {"count_byte", codec_count_byte, METH_VARARGS, NULL},
    {"latin1_length", codec_latin1_length, METH_VARARGS, NULL},
    {"greet", codec_greet, METH_VARARGS, NULL},
    {"pair", codec_pair, METH_VARARGS, NULL},
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
