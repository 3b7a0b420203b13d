/* clean: after the PyIter_Next() loop, PyErr_Occurred() separates the end of
 * the iteration from an error raised by the iterator. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
lengths_longest(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    Py_ssize_t best = -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t len = PyObject_Length(item);
        Py_DECREF(item);
        if (len < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (len > best)
            best = len;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    if (best < 0)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(best);
}

static PyMethodDef lengths_methods[] = {
    {"longest", lengths_longest, METH_O, NULL},
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
