/* clean: a METH_FASTCALL | METH_KEYWORDS function with the four-parameter
 * signature (self, args, nargs, kwnames). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
strutil_repeat(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "repeat() takes 1 or 2 positional arguments");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t times = 2;
    if (nargs == 2) {
        times = PyLong_AsSsize_t(args[1]);
        if (times == -1 && PyErr_Occurred())
            return NULL;
    }
    PyObject *sep = NULL;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "sep") == 0) {
            sep = args[nargs + i];
        }
        else {
            PyErr_Format(PyExc_TypeError, "repeat() got an unexpected keyword argument %R", name);
            return NULL;
        }
    }
    if (times < 0) {
        PyErr_SetString(PyExc_ValueError, "times must be non-negative");
        return NULL;
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < times; i++) {
        if (PyList_Append(parts, text) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *joiner = sep != NULL ? Py_NewRef(sep) : PyUnicode_FromString("");
    if (joiner == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    PyObject *result = PyUnicode_Join(joiner, parts);
    Py_DECREF(joiner);
    Py_DECREF(parts);
    return result;
}

static PyMethodDef strutil_methods[] = {
    {"repeat", (PyCFunction)(void (*)(void))strutil_repeat, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef strutil_module = {
    PyModuleDef_HEAD_INIT, "strutil", NULL, -1, strutil_methods
};

PyMODINIT_FUNC
PyInit_strutil(void)
{
    return PyModule_Create(&strutil_module);
}
