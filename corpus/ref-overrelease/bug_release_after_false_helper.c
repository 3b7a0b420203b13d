/* ref-overrelease: store_entry() returns 0 (FALSE) with an exception set
 * when it fails, and it has released the entry it was given by then; on
 * success the dict holds its own reference and the caller keeps its one.
 * The caller releases the entry on both paths: once too often when the
 * helper failed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
store_entry(PyObject *table, PyObject *key, PyObject *entry)
{
    if (PyDict_SetItem(table, key, entry) < 0) {
        Py_DECREF(entry);
        return 0;
    }
    return 1;
}

static PyObject *
remember(PyObject *self, PyObject *args)
{
    PyObject *table, *key;
    long value;
    if (!PyArg_ParseTuple(args, "O!Ol", &PyDict_Type, &table, &key, &value))
        return NULL;
    PyObject *entry = PyLong_FromLong(value);
    if (entry == NULL)
        return NULL;
    if (!store_entry(table, key, entry)) {
        Py_DECREF(entry); // expected-warning{{ref-overrelease}}
        return NULL;
    }
    Py_DECREF(entry);
    Py_RETURN_NONE;
}

static PyMethodDef memo_methods[] = {
    {"remember", remember, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef memo_module = {
    PyModuleDef_HEAD_INIT, "memo", NULL, -1, memo_methods
};

PyMODINIT_FUNC
PyInit_memo(void)
{
    return PyModule_Create(&memo_module);
}
