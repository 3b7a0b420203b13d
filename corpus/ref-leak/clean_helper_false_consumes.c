/* clean: add_entry() reports failure the old way, returning 0 (FALSE)
 * with an exception set, and it releases the entry it was given before
 * it does; on success the registry list takes the entry over.  Its caller
 * therefore returns NULL on failure without releasing the entry again. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define TRUE 1
#define FALSE 0

static int
add_entry(PyObject *registry, PyObject *entry)
{
    if (PyList_Append(registry, entry) < 0) {
        Py_DECREF(entry);
        return FALSE;
    }
    Py_DECREF(entry);
    return TRUE;
}

static PyObject *
register_pair(PyObject *self, PyObject *args)
{
    PyObject *registry, *name;
    if (!PyArg_ParseTuple(args, "O!U", &PyList_Type, &registry, &name))
        return NULL;
    PyObject *entry = PyDict_New();
    if (entry == NULL)
        return NULL;
    if (PyDict_SetItemString(entry, "name", name) < 0) {
        Py_DECREF(entry);
        return NULL;
    }
    if (!add_entry(registry, entry))
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef registry_methods[] = {
    {"register_pair", register_pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef registry_module = {
    PyModuleDef_HEAD_INIT, "registry", NULL, -1, registry_methods
};

PyMODINIT_FUNC
PyInit_registry(void)
{
    return PyModule_Create(&registry_module);
}
