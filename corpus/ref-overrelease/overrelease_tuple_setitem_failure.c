/* ref-overrelease: PyTuple_SetItem steals the item even when it fails (a
 * caller's index out of range), so releasing the item on its failure path
 * releases it twice. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
wrap_values(PyObject *self, PyObject *args)
{
    long a, b;
    Py_ssize_t pos;
    if (!PyArg_ParseTuple(args, "lln", &a, &b, &pos))
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *va = PyLong_FromLong(a);
    if (va == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    if (PyTuple_SetItem(t, pos, va) < 0) {
        Py_DECREF(va); // expected-warning{{ref-overrelease}}
        Py_DECREF(t);
        return NULL;
    }
    PyObject *vb = PyLong_FromLong(b);
    if (vb == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    if (PyTuple_SetItem(t, 1 - pos, vb) < 0) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyMethodDef wrap_methods[] = {
    {"wrap_values", wrap_values, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef wrap_module = {
    PyModuleDef_HEAD_INIT, "wrap", NULL, -1, wrap_methods
};

PyMODINIT_FUNC
PyInit_wrap(void)
{
    return PyModule_Create(&wrap_module);
}
