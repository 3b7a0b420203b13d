/* clean: in a PyIter_Next loop each item is released exactly once, before
 * the error check that may leave the loop; the loop end is followed by a
 * PyErr_Occurred() check. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
sum_lengths(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    Py_ssize_t total = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t n = PyObject_Length(item);
        Py_DECREF(item);
        if (n < 0) {
            Py_DECREF(it);
            return NULL;
        }
        total += n;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(total);
}

static PyObject *
longest(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *best = NULL;
    Py_ssize_t best_len = -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t n = PyObject_Length(item);
        if (n < 0) {
            Py_DECREF(item);
            goto error;
        }
        if (n > best_len) {
            best_len = n;
            Py_XSETREF(best, item);     /* the item's reference moves to best */
        }
        else {
            Py_DECREF(item);
        }
    }
    if (PyErr_Occurred())
        goto error;
    Py_DECREF(it);
    if (best == NULL)
        Py_RETURN_NONE;
    return best;
error:
    Py_XDECREF(best);
    Py_DECREF(it);
    return NULL;
}

static PyMethodDef lengths_methods[] = {
    {"sum_lengths", sum_lengths, METH_O, NULL},
    {"longest", longest, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef lengths_module = {
    PyModuleDef_HEAD_INIT, "lengths", NULL, -1, lengths_methods
};

PyMODINIT_FUNC
PyInit_lengths(void)
{
    return PyModule_Create(&lengths_module);
}
