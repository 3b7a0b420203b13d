/* clean: a dict is filled with PyDict_SetItemString() and a set with
 * PySet_Add(); every -1 result is tested and ends in an error return. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
put_long(PyObject *dict, const char *key, long value)
{
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL)
        return -1;
    int rc = PyDict_SetItemString(dict, key, v);
    Py_DECREF(v);
    return rc;
}

static PyObject *
inventory_summary(PyObject *self, PyObject *args)
{
    PyObject *items;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &items))
        return NULL;
    PyObject *kinds = PySet_New(NULL);
    if (kinds == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(items);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PySet_Add(kinds, PyList_GET_ITEM(items, i)) < 0) {
            Py_DECREF(kinds);
            return NULL;
        }
    }
    PyObject *summary = PyDict_New();
    if (summary == NULL) {
        Py_DECREF(kinds);
        return NULL;
    }
    if (put_long(summary, "total", (long)n) < 0 ||
        put_long(summary, "distinct", (long)PySet_GET_SIZE(kinds)) < 0 ||
        PyDict_SetItemString(summary, "kinds", kinds) < 0) {
        Py_DECREF(kinds);
        Py_DECREF(summary);
        return NULL;
    }
    Py_DECREF(kinds);
    return summary;
}

static PyMethodDef inventory_methods[] = {
    {"summary", inventory_summary, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef inventory_module = {
    PyModuleDef_HEAD_INIT, "inventory", NULL, -1, inventory_methods
};

PyMODINIT_FUNC
PyInit_inventory(void)
{
    return PyModule_Create(&inventory_module);
}
