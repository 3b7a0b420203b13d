/* clean: after PyTuple_GET_SIZE(t) == 1 (or a size found > 0), item 0 is
 * in range and PyTuple_GetItem / PyList_GetItem cannot fail there. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ink_unwrap(PyObject *self, PyObject *color)
{
    if (PyTuple_Check(color) && PyTuple_GET_SIZE(color) == 1)
        color = PyTuple_GetItem(color, 0);
    return PyNumber_Long(color);
}

static PyObject *
ink_first(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    if (PyList_GET_SIZE(list) > 0) {
        PyObject *head = PyList_GetItem(list, 0);
        return PyObject_Repr(head);
    }
    Py_RETURN_NONE;
}

static PyMethodDef ink_methods[] = {
    {"unwrap", ink_unwrap, METH_O, NULL},
    {"first", ink_first, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ink_module = {
    PyModuleDef_HEAD_INIT, "ink", NULL, -1, ink_methods
};

PyMODINIT_FUNC
PyInit_ink(void)
{
    return PyModule_Create(&ink_module);
}
