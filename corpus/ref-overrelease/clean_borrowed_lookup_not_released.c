/* clean: results of PyDict_GetItemWithError, PyList_GetItem and
 * PyTuple_GetItem are borrowed; they are used but never released. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
entry_length(PyObject *self, PyObject *args)
{
    PyObject *d, *key;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &d, &key))
        return NULL;
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v == NULL) {
        if (PyErr_Occurred())
            return NULL;
        return PyLong_FromLong(-1);
    }
    Py_ssize_t n = PyObject_Length(v);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *
first_as_str(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &list))
        return NULL;
    PyObject *first = PyList_GetItem(list, 0);
    if (first == NULL)
        return NULL;
    return PyObject_Str(first);
}

static PyObject *
doubled(PyObject *self, PyObject *args)
{
    PyObject *value = PyTuple_GetItem(args, 0);
    if (value == NULL)
        return NULL;
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(d * 2.0);
}

static PyMethodDef lookups_methods[] = {
    {"entry_length", entry_length, METH_VARARGS, NULL},
    {"first_as_str", first_as_str, METH_VARARGS, NULL},
    {"doubled", doubled, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef lookups_module = {
    PyModuleDef_HEAD_INIT, "lookups", NULL, -1, lookups_methods
};

PyMODINIT_FUNC
PyInit_lookups(void)
{
    return PyModule_Create(&lookups_module);
}
