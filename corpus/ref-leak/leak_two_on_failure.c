/* ref-leak: two references ('k' and 'v') both leak when PyTuple_New fails;
 * one finding per leaked reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make_entry(PyObject *self, PyObject *args)
{
    const char *key;
    double val;
    if (!PyArg_ParseTuple(args, "sd", &key, &val))
        return NULL;
    PyObject *k = PyUnicode_FromString(key); // expected-warning{{ref-leak}}
    if (k == NULL)
        return NULL;
    PyObject *v = PyFloat_FromDouble(val); // expected-warning{{ref-leak}}
    if (v == NULL) {
        Py_DECREF(k);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;                      /* leaks 'k' and 'v' */
    PyTuple_SET_ITEM(t, 0, k);
    PyTuple_SET_ITEM(t, 1, v);
    return t;
}

static PyMethodDef entries_methods[] = {
    {"make_entry", make_entry, METH_VARARGS, NULL},
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
