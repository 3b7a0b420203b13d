/* ref-leak: two paths meet after "if (n > 5)" knowing different bounds of
 * n (above 5, or 1 to 5) and nothing else apart.  The later test of n
 * decides differently on each, so both must be followed: on the one where
 * n is above 5 the new list is dropped. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static long large_requests;

static PyObject *
make_batch(PyObject *module, PyObject *arg)
{
    (void)module;
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n <= 0) {
        PyErr_SetString(PyExc_ValueError, "the batch size must be positive");
        return NULL;
    }
    if (n > 5)
        large_requests++;
    PyObject *batch = PyList_New(0); // expected-warning{{ref-leak}}
    if (batch == NULL)
        return NULL;
    if (n > 5) {
        PyErr_SetString(PyExc_ValueError, "batches hold 5 items at most");
        return NULL;
    }
    return batch;
}

static PyMethodDef batch_methods[] = {
    {"make_batch", make_batch, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef batch_module = {
    PyModuleDef_HEAD_INIT, "batch", NULL, -1, batch_methods
};

PyMODINIT_FUNC
PyInit_batch(void)
{
    return PyModule_Create(&batch_module);
}
