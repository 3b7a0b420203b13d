/* exception-state: PySet_Add() raises TypeError for an unhashable item; the
 * ignored -1 lets the loop go on and the set is returned as a success. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
uniq_from_list(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++)
        PySet_Add(seen, PyList_GET_ITEM(list, i)); // expected-warning{{exception-state}}
    return seen; // expected-warning{{exception-state}}
}

static PyMethodDef uniq_methods[] = {
    {"from_list", uniq_from_list, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef uniq_module = {
    PyModuleDef_HEAD_INIT, "uniq", NULL, -1, uniq_methods
};

PyMODINIT_FUNC
PyInit_uniq(void)
{
    return PyModule_Create(&uniq_module);
}
