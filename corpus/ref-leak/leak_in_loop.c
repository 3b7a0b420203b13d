/* ref-leak: in a loop, the 'continue' that skips None items jumps over the
 * Py_DECREF, leaking the item fetched with PySequence_GetItem. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
seq_total_length(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(seq, i); // expected-warning{{ref-leak}}
        if (item == NULL)
            return NULL;
        if (item == Py_None)
            continue;                     /* leaks 'item' */
        Py_ssize_t len = PyObject_Length(item);
        Py_DECREF(item);
        if (len < 0)
            return NULL;
        total += len;
    }
    return PyLong_FromSsize_t(total);
}

static PyMethodDef seqtools_methods[] = {
    {"total_length", seq_total_length, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef seqtools_module = {
    PyModuleDef_HEAD_INIT, "seqtools", NULL, -1, seqtools_methods
};

PyMODINIT_FUNC
PyInit_seqtools(void)
{
    return PyModule_Create(&seqtools_module);
}
