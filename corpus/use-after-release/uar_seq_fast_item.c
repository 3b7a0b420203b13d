/* use-after-release: the item is borrowed from the PySequence_Fast result,
 * which is released before the item is passed to PyObject_Str. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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
    PyObject *last = PySequence_Fast_GET_ITEM(fast, n - 1);
    Py_DECREF(fast);
    return PyObject_Str(last); // expected-warning{{use-after-release}}
}

static PyMethodDef laststr_methods[] = {
    {"last_str", last_str, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef laststr_module = {
    PyModuleDef_HEAD_INIT, "laststr", NULL, -1, laststr_methods
};

PyMODINIT_FUNC
PyInit_laststr(void)
{
    return PyModule_Create(&laststr_module);
}
