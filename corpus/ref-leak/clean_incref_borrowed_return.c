/* clean: a borrowed reference is turned into an owned one with Py_INCREF /
 * Py_NewRef and returned, which hands it to the caller. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
dict_get_default(PyObject *self, PyObject *args)
{
    PyObject *d, *key, *dflt = Py_None;
    if (!PyArg_ParseTuple(args, "O!O|O", &PyDict_Type, &d, &key, &dflt))
        return NULL;
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v == NULL) {
        if (PyErr_Occurred())
            return NULL;
        v = dflt;
    }
    Py_INCREF(v);
    return v;
}

static PyObject *
list_last(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list) || PyList_GET_SIZE(list) == 0) {
        PyErr_SetString(PyExc_ValueError, "expected a non-empty list");
        return NULL;
    }
    return Py_NewRef(PyList_GET_ITEM(list, PyList_GET_SIZE(list) - 1));
}

static PyMethodDef lookup_methods[] = {
    {"get", dict_get_default, METH_VARARGS, NULL},
    {"last", list_last, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef lookup_module = {
    PyModuleDef_HEAD_INIT, "lookup", NULL, -1, lookup_methods
};

PyMODINIT_FUNC
PyInit_lookup(void)
{
    return PyModule_Create(&lookup_module);
}
