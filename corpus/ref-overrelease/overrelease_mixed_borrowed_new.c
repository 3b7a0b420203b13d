/* ref-overrelease: 'value' is borrowed (PyDict_GetItemWithError) on one
 * branch and new (PyObject_GetAttr) on the other; the shared exit block
 * releases it on both. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
resolve_repr(PyObject *self, PyObject *args)
{
    PyObject *ns, *name;
    PyObject *value = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "OU", &ns, &name))
        return NULL;
    if (PyDict_Check(ns)) {
        value = PyDict_GetItemWithError(ns, name);
        if (value == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, name);
            goto done;
        }
    }
    else {
        value = PyObject_GetAttr(ns, name);
        if (value == NULL)
            goto done;
    }
    result = PyObject_Repr(value);
done:
    Py_XDECREF(value); // expected-warning{{ref-overrelease}}
    return result;
}

static PyMethodDef resolve_methods[] = {
    {"resolve_repr", resolve_repr, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef resolve_module = {
    PyModuleDef_HEAD_INIT, "resolve", NULL, -1, resolve_methods
};

PyMODINIT_FUNC
PyInit_resolve(void)
{
    return PyModule_Create(&resolve_module);
}
