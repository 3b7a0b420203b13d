/* clean: items borrowed from a list / tuple / fast sequence the function
 * owns are used (or Py_NewRef'd) while the container is alive, and the
 * container is released afterwards. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
min_repr(PyObject *self, PyObject *iterable)
{
    PyObject *list = PySequence_List(iterable);
    if (list == NULL)
        return NULL;
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 0) {
        Py_DECREF(list);
        PyErr_SetString(PyExc_ValueError, "empty sequence");
        return NULL;
    }
    PyObject *first = PyList_GET_ITEM(list, 0);
    PyObject *r = PyObject_Repr(first);
    Py_DECREF(list);
    return r;
}

static PyObject *
quotient(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *qr = PyNumber_Divmod(a, b);
    if (qr == NULL)
        return NULL;
    if (!PyTuple_Check(qr) || PyTuple_GET_SIZE(qr) != 2) {
        Py_DECREF(qr);
        PyErr_SetString(PyExc_TypeError, "divmod() did not return a pair");
        return NULL;
    }
    PyObject *q = Py_NewRef(PyTuple_GET_ITEM(qr, 0));
    Py_DECREF(qr);
    PyObject *res = PyNumber_Index(q);
    Py_DECREF(q);
    return res;
}

static PyObject *
last_str(PyObject *self, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "expected a sequence");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (n == 0) {
        Py_DECREF(fast);
        PyErr_SetString(PyExc_IndexError, "empty sequence");
        return NULL;
    }
    PyObject *s = PyObject_Str(PySequence_Fast_GET_ITEM(fast, n - 1));
    Py_DECREF(fast);
    return s;
}

static PyMethodDef alive_methods[] = {
    {"min_repr", min_repr, METH_O, NULL},
    {"quotient", quotient, METH_VARARGS, NULL},
    {"last_str", last_str, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef alive_module = {
    PyModuleDef_HEAD_INIT, "alive", NULL, -1, alive_methods
};

PyMODINIT_FUNC
PyInit_alive(void)
{
    return PyModule_Create(&alive_module);
}
