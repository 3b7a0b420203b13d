/* ref-leak: PyList_SET_ITEM overwrites slot 0 without releasing the item
 * it held; the function read that item first, so it now owns the list's
 * reference to it, and drops it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stack_replace_top(PyObject *self, PyObject *args)
{
    PyObject *list, *item;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &list, &item))
        return NULL;
    if (PyList_GET_SIZE(list) == 0) {
        PyErr_SetString(PyExc_IndexError, "empty stack");
        return NULL;
    }
    PyObject *old = PyList_GET_ITEM(list, 0);
    Py_INCREF(item);
    PyList_SET_ITEM(list, 0, item); // expected-warning{{ref-leak}}
    if (old == Py_None)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyMethodDef stack_methods[] = {
    {"replace_top", stack_replace_top, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef stack_module = {
    PyModuleDef_HEAD_INIT, "stack", NULL, -1, stack_methods
};

PyMODINIT_FUNC
PyInit_stack(void)
{
    return PyModule_Create(&stack_module);
}
