/* exception-state: PyIter_Next() returns NULL both at the end and on error;
 * without a PyErr_Occurred() check a failing iterator yields a partial count. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tally_count_true(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    Py_ssize_t count = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int truth = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (truth < 0) {
            Py_DECREF(it);
            return NULL;
        }
        count += truth;
    }
    Py_DECREF(it);
    return PyLong_FromSsize_t(count); // expected-warning{{exception-state}}
}

static PyMethodDef tally_methods[] = {
    {"count_true", tally_count_true, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef tally_module = {
    PyModuleDef_HEAD_INIT, "tally", NULL, -1, tally_methods
};

PyMODINIT_FUNC
PyInit_tally(void)
{
    return PyModule_Create(&tally_module);
}
