/* clean: a helper that adds its own reference to an argument and hands
 * that one to PyTuple_SET_ITEM leaves the caller's reference alone, so the
 * caller may pass a borrowed one. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tagged(PyObject *value, long tag)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *n = PyLong_FromLong(tag);
    if (n == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, n);
    Py_INCREF(value);
    PyTuple_SET_ITEM(t, 1, value);
    return t;
}

static PyObject *
tags_wrap(PyObject *self, PyObject *args)
{
    PyObject *value;
    long tag;
    if (!PyArg_ParseTuple(args, "Ol:wrap", &value, &tag))
        return NULL;
    return tagged(value, tag);
}
