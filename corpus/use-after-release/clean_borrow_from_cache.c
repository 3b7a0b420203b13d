/* clean: get_default() returns a new reference to a dict that a module
 * global keeps alive for the life of the process.  The callers release
 * their reference right away and go on using the object as a borrowed
 * one: the cache still owns it, so it cannot have been freed. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *default_cache = NULL;   /* owned, never cleared */

static PyObject *
get_default(void)
{
    if (default_cache == NULL) {
        default_cache = PyDict_New();
        if (default_cache == NULL)
            return NULL;
    }
    return Py_NewRef(default_cache);
}

static PyObject *
defaults_size(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = get_default();
    if (d == NULL)
        return NULL;
    Py_DECREF(d);                        /* the cache keeps it alive */
    return PyLong_FromSsize_t(PyDict_GET_SIZE(d));
}

static PyObject *
defaults_set(PyObject *self, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "OO", &key, &value))
        return NULL;
    PyObject *d = get_default();
    if (d == NULL)
        return NULL;
    Py_DECREF(d);                        /* the cache keeps it alive */
    if (PyDict_SetItem(d, key, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef defaults_methods[] = {
    {"size", defaults_size, METH_NOARGS, NULL},
    {"set", defaults_set, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef defaults_module = {
    PyModuleDef_HEAD_INIT, "defaults", NULL, -1, defaults_methods
};

PyMODINIT_FUNC
PyInit_defaults(void)
{
    return PyModule_Create(&defaults_module);
}
