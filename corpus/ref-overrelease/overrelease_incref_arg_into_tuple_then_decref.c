/* overrelease: the helper adds a reference to its argument and hands it to
 * PyTuple_SET_ITEM, but then also releases one: on balance it takes over
 * the caller's reference, which the caller here only borrows. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
boxed(PyObject *value)
{
    PyObject *t = PyTuple_New(1);
    if (t == NULL)
        return NULL;
    Py_INCREF(value);
    PyTuple_SET_ITEM(t, 0, value);
    Py_DECREF(value);
    return t;
}

static PyObject *
boxes_make(PyObject *self, PyObject *args)
{
    PyObject *value;
    if (!PyArg_ParseTuple(args, "O:make", &value))
        return NULL;
    return boxed(value); // expected-warning{{ref-overrelease}}
}
