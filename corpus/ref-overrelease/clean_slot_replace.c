/* clean: overwriting a tuple or list slot with PyTuple_SET_ITEM /
 * PyList_SET_ITEM does not release what the slot held, so an item read
 * from that slot before is the function's to release afterwards (or to
 * return): the in-place replace idiom of iterators and heaps. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Replace item i of a private result tuple (refcount 1) by a new int. */
static PyObject *
ring_bump(PyObject *self, PyObject *args)
{
    PyObject *ring;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!n", &PyTuple_Type, &ring, &i))
        return NULL;
    if (i < 0 || i >= PyTuple_GET_SIZE(ring)) {
        PyErr_SetString(PyExc_IndexError, "no such slot");
        return NULL;
    }
    PyObject *copy = PyTuple_GetSlice(ring, 0, PyTuple_GET_SIZE(ring));
    if (copy == NULL)
        return NULL;
    PyObject *fresh = PyLong_FromSsize_t(i);
    if (fresh == NULL) {
        Py_DECREF(copy);
        return NULL;
    }
    PyObject *old = PyTuple_GET_ITEM(copy, i);
    PyTuple_SET_ITEM(copy, i, fresh);
    Py_DECREF(old);
    return copy;
}

/* Pop the first item of a list by moving the last one into its slot. */
static PyObject *
ring_take_first(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list) || PyList_GET_SIZE(list) < 2) {
        PyErr_SetString(PyExc_ValueError, "need a list of two or more items");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    PyObject *last = PyList_GET_ITEM(list, n - 1);
    Py_INCREF(last);
    if (PyList_SetSlice(list, n - 1, n, NULL) < 0) {
        Py_DECREF(last);
        return NULL;
    }
    PyObject *first = PyList_GET_ITEM(list, 0);
    PyList_SET_ITEM(list, 0, last);
    return first;
}

static PyMethodDef ring_methods[] = {
    {"bump", ring_bump, METH_VARARGS, NULL},
    {"take_first", ring_take_first, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ring_module = {
    PyModuleDef_HEAD_INIT, "ring", NULL, -1, ring_methods
};

PyMODINIT_FUNC
PyInit_ring(void)
{
    return PyModule_Create(&ring_module);
}
