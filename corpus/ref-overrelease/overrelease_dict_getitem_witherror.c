/* ref-overrelease: PyDict_GetItemWithError returns a borrowed reference;
 * releasing it after measuring its length drops the dict's reference. */
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
    Py_DECREF(v); // expected-warning{{ref-overrelease}}
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef entries_methods[] = {
    {"entry_length", entry_length, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef entries_module = {
    PyModuleDef_HEAD_INIT, "entries", NULL, -1, entries_methods
};

PyMODINIT_FUNC
PyInit_entries(void)
{
    return PyModule_Create(&entries_module);
}
