/* null-return-no-exception: PyDict_GetItemString() returns NULL without
 * an exception for a missing key; the NULL is passed on to Python. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *registry;

static PyObject *
lookup_handler(PyObject *self, PyObject *args)
{
    const char *name;
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    PyObject *handler = PyDict_GetItemString(registry, name);
    if (handler == NULL)
        return NULL; // expected-warning{{null-return-no-exception}}
    return Py_NewRef(handler);
}

static PyMethodDef handlers_methods[] = {
    {"lookup", lookup_handler, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef handlers_module = {
    PyModuleDef_HEAD_INIT, "handlers", NULL, -1, handlers_methods
};

PyMODINIT_FUNC
PyInit_handlers(void)
{
    PyObject *m = PyModule_Create(&handlers_module);
    if (m == NULL)
        return NULL;
    registry = PyDict_New();
    if (registry == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "registry", registry) < 0) {
        Py_CLEAR(registry);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
