/* ref-overrelease: in a PyIter_Next loop the item is released right after
 * use, and released again on the error path that follows. */
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
            Py_DECREF(item); // expected-warning{{ref-overrelease}}
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

static PyMethodDef lengths_methods[] = {
    {"sum_lengths", sum_lengths, METH_O, NULL},
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
