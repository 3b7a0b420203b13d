/* ref-leak: store_entry() takes the entry over, releasing it once the
 * table holds it, and reports failure the old way (0, FALSE, with an
 * exception).  But for an empty entry it returns TRUE straight away and
 * keeps nothing: the caller, which counts on the entry being taken over,
 * leaks it whenever it is empty. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define TRUE 1
#define FALSE 0

static int
store_entry(PyObject *table, PyObject *entry)
{
    if (PyDict_Size(entry) == 0)
        return TRUE;
    if (PyList_Append(table, entry) < 0) {
        Py_DECREF(entry);
        return FALSE;
    }
    Py_DECREF(entry);
    return TRUE;
}

static PyObject *
collect(PyObject *self, PyObject *args)
{
    PyObject *table, *name;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &table, &name))
        return NULL;
    PyObject *entry = PyDict_New(); // expected-warning{{ref-leak}}
    if (entry == NULL)
        return NULL;
    if (name != Py_None && PyDict_SetItemString(entry, "name", name) < 0) {
        Py_DECREF(entry);
        return NULL;
    }
    if (!store_entry(table, entry))
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef collect_methods[] = {
    {"collect", collect, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef collect_module = {
    PyModuleDef_HEAD_INIT, "collector", NULL, -1, collect_methods
};

PyMODINIT_FUNC
PyInit_collector(void)
{
    return PyModule_Create(&collect_module);
}
