/* clean: Py_CLEAR() resets the temporary to NULL after each use, so the
 * Py_XDECREF() in the cleanup block never sees a stale or freed pointer. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
describe(PyObject *self, PyObject *obj)
{
    PyObject *tmp = NULL, *result = NULL;
    const char *name;
    (void)self;
    tmp = PyObject_Repr(obj);
    if (tmp == NULL)
        goto done;
    Py_ssize_t repr_len = PyUnicode_GetLength(tmp);
    Py_CLEAR(tmp);
    if (repr_len < 0)
        goto done;
    tmp = PyObject_GetAttrString((PyObject *)Py_TYPE(obj), "__name__");
    if (tmp == NULL)
        goto done;
    name = PyUnicode_AsUTF8(tmp);
    if (name == NULL)
        goto done;
    result = PyUnicode_FromFormat("<%s, repr of %zd chars>", name, repr_len);
done:
    Py_XDECREF(tmp);
    return result;
}

static PyMethodDef describe_methods[] = {
    {"describe", describe, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef describe_module = {
    PyModuleDef_HEAD_INIT, "describe", NULL, -1, describe_methods
};

PyMODINIT_FUNC
PyInit_describe(void)
{
    return PyModule_Create(&describe_module);
}
