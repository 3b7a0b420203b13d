/* exception-state: PyFloat_AsDouble() on a non-number fails with -1.0 and a
 * TypeError; the loop adds -1.0 and the mean is returned as a success. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stats_mean(PyObject *self, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "mean() expects a sequence");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (n == 0) {
        Py_DECREF(fast);
        PyErr_SetString(PyExc_ValueError, "mean() of an empty sequence");
        return NULL;
    }
    double total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++)
        total += PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast, i));
    Py_DECREF(fast);
    return PyFloat_FromDouble(total / (double)n); // expected-warning{{exception-state}}
}

static PyMethodDef stats_methods[] = {
    {"mean", stats_mean, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef stats_module = {
    PyModuleDef_HEAD_INIT, "stats", NULL, -1, stats_methods
};

PyMODINIT_FUNC
PyInit_stats(void)
{
    return PyModule_Create(&stats_module);
}
