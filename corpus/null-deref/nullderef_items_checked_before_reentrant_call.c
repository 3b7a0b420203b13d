/* null-deref: every entry of a list is checked to be a pair first, and the
 * pairs are read in a second loop without checks.  But the second loop
 * looks each name up in a dict, which runs the name's __hash__: Python code
 * that may replace a later entry with something that is not a pair.
 * PyTuple_GetItem() then fails and its NULL is used. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
count_known(PyObject *module, PyObject *args)
{
    PyObject *entries, *known;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &entries,
                          &PyDict_Type, &known))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(entries), i;
    for (i = 0; i < n; i++) {
        PyObject *entry = PyList_GET_ITEM(entries, i);
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 2) {
            PyErr_SetString(PyExc_ValueError, "entries must be pairs");
            return NULL;
        }
    }
    long found = 0;
    for (i = 0; i < n; i++) {
        PyObject *entry = PyList_GetItem(entries, i);
        if (entry == NULL)
            return NULL;
        PyObject *name = PyTuple_GetItem(entry, 0);
        PyObject *value = PyTuple_GetItem(entry, 1);
        if (name == NULL)
            return NULL;
        if (PyDict_GetItemWithError(known, name) != NULL &&
            PyLong_Check(value)) // expected-warning{{null-deref}}
            found++;
        else if (PyErr_Occurred())
            return NULL;
    }
    return PyLong_FromLong(found);
}

static PyMethodDef known_methods[] = {
    {"count_known", count_known, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef known_module = {
    PyModuleDef_HEAD_INIT, "known", NULL, -1, known_methods
};

PyMODINIT_FUNC
PyInit_known(void)
{
    return PyModule_Create(&known_module);
}
