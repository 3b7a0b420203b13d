/* clean: the canonical PyIter_Next() loop: the loop ends on NULL and
 * PyErr_Occurred() afterwards tells exhaustion from failure. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
type_names(PyObject *self, PyObject *iterable)
{
    PyObject *it, *item, *result;
    (void)self;
    result = PyList_New(0);
    if (result == NULL)
        return NULL;
    it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *name = PyUnicode_FromString(Py_TYPE(item)->tp_name);
        Py_DECREF(item);
        if (name == NULL)
            goto error;
        int rc = PyList_Append(result, name);
        Py_DECREF(name);
        if (rc < 0)
            goto error;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
error:
    Py_DECREF(it);
    Py_DECREF(result);
    return NULL;
}

static PyMethodDef typenames_methods[] = {
    {"type_names", type_names, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef typenames_module = {
    PyModuleDef_HEAD_INIT, "typenames", NULL, -1, typenames_methods
};

PyMODINIT_FUNC
PyInit_typenames(void)
{
    return PyModule_Create(&typenames_module);
}
