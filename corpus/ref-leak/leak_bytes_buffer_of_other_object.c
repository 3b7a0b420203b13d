/* leak: PyBytes_AsString can fail for an object that is not known to be
 * bytes (here one returned by an encoding call that may return anything);
 * the early return on its failure leaks the object. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
codec_first_byte(PyObject *self, PyObject *args)
{
    PyObject *text, *codec;
    if (!PyArg_ParseTuple(args, "OO:first_byte", &text, &codec))
        return NULL;
    PyObject *encoded = PyObject_CallMethod(codec, "encode", "O", text); // expected-warning{{ref-leak}}
    if (encoded == NULL)
        return NULL;
    const char *buf = PyBytes_AsString(encoded);
    if (buf == NULL)
        return NULL;
    long first = (unsigned char)buf[0];
    Py_DECREF(encoded);
    return PyLong_FromLong(first);
}
