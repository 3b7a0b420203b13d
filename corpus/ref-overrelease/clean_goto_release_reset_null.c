/* clean: a reference released before jumping to the shared cleanup block
 * is reset to NULL first, so the block's Py_XDECREF does nothing for it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make_pair(PyObject *self, PyObject *args)
{
    long a, b;
    PyObject *x = NULL, *y = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    x = PyLong_FromLong(a);
    if (x == NULL)
        goto error;
    y = PyLong_FromLong(b);
    if (y == NULL) {
        Py_DECREF(x);
        x = NULL;
        goto error;
    }
    result = PyTuple_Pack(2, x, y);
error:
    Py_XDECREF(x);
    Py_XDECREF(y);
    return result;
}

static PyObject *
joined_upper(PyObject *self, PyObject *args)
{
    PyObject *sep, *items;
    PyObject *joined = NULL, *upper = NULL;
    if (!PyArg_ParseTuple(args, "UO", &sep, &items))
        return NULL;
    joined = PyUnicode_Join(sep, items);
    if (joined == NULL)
        goto done;
    upper = PyObject_CallMethod(joined, "upper", NULL);
    if (upper == NULL)
        goto done;
    if (PyUnicode_GET_LENGTH(upper) == PyUnicode_GET_LENGTH(joined)) {
        Py_DECREF(joined);
        return upper;
    }
    Py_CLEAR(upper);
    PyErr_SetString(PyExc_ValueError, "upper() changed the length");
done:
    Py_XDECREF(joined);
    Py_XDECREF(upper);
    return NULL;
}

static PyMethodDef pairs_methods[] = {
    {"make_pair", make_pair, METH_VARARGS, NULL},
    {"joined_upper", joined_upper, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pairs_module = {
    PyModuleDef_HEAD_INIT, "pairs", NULL, -1, pairs_methods
};

PyMODINIT_FUNC
PyInit_pairs(void)
{
    return PyModule_Create(&pairs_module);
}
