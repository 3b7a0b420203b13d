/* clean: borrowed results of PyList_GetItem / PyDict_GetItemString are
 * turned into owned references (Py_INCREF, Py_NewRef) before returning. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_item(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &list))
        return NULL;
    PyObject *first = PyList_GetItem(list, 0);
    if (first == NULL)
        return NULL;
    Py_INCREF(first);
    return first;
}

static PyObject *
get_option(PyObject *self, PyObject *args)
{
    PyObject *options;
    const char *name;
    if (!PyArg_ParseTuple(args, "O!s", &PyDict_Type, &options, &name))
        return NULL;
    PyObject *value = PyDict_GetItemString(options, name);
    if (value == NULL) {
        PyErr_Format(PyExc_KeyError, "no option named '%s'", name);
        return NULL;
    }
    return Py_NewRef(value);
}

static PyMethodDef borrowed_methods[] = {
    {"first_item", first_item, METH_VARARGS, NULL},
    {"get_option", get_option, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef borrowed_module = {
    PyModuleDef_HEAD_INIT, "borrowed", NULL, -1, borrowed_methods
};

PyMODINIT_FUNC
PyInit_borrowed(void)
{
    return PyModule_Create(&borrowed_module);
}
