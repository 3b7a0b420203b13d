/* clean: PyTuple_Size() of a value known to be a tuple is its item count;
 * after "if (!len) continue;" the tuple has at least one item, so
 * PyTuple_GetItem(value, 0) cannot fail. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_kinds(PyObject *self, PyObject *values)
{
    if (!PyList_Check(values)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    long ints = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(values); i++) {
        PyObject *value = PyList_GET_ITEM(values, i);
        if (!PyTuple_Check(value))
            continue;
        Py_ssize_t len = PyTuple_Size(value);
        if (!len)
            continue;
        if (PyLong_Check(PyTuple_GetItem(value, 0)))
            ints++;
    }
    return PyLong_FromLong(ints);
}

static PyMethodDef kinds_methods[] = {
    {"first_kinds", first_kinds, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef kinds_module = {
    PyModuleDef_HEAD_INIT, "kinds", NULL, -1, kinds_methods
};

PyMODINIT_FUNC
PyInit_kinds(void)
{
    return PyModule_Create(&kinds_module);
}
