/* ref-overrelease: the value found with PyDict_GetItemString is borrowed
 * from the dict and returned as is, without Py_INCREF. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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
    return value; // expected-warning{{ref-overrelease}}
}

static PyMethodDef options_methods[] = {
    {"get_option", get_option, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef options_module = {
    PyModuleDef_HEAD_INIT, "options", NULL, -1, options_methods
};

PyMODINIT_FUNC
PyInit_options(void)
{
    return PyModule_Create(&options_module);
}
