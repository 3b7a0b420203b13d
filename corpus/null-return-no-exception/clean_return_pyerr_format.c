/* clean: a missing key is reported with `return PyErr_Format(...)`, which
 * sets KeyError and returns NULL in one expression. */
// expected-no-diagnostics
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
        return PyErr_Format(PyExc_KeyError, "no handler named '%s'", name);
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
