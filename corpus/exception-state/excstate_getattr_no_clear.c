/* exception-state: a missing optional attribute falls back to a default,
 * but the AttributeError is never cleared before returning success. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
describe_label(PyObject *self, PyObject *obj)
{
    PyObject *name = PyObject_GetAttrString(obj, "name");
    if (name == NULL)
        return PyUnicode_FromString("<anonymous>"); // expected-warning{{exception-state}}
    PyObject *label = PyUnicode_FromFormat("<%S>", name);
    Py_DECREF(name);
    return label;
}

static PyMethodDef describe_methods[] = {
    {"label", describe_label, METH_O, NULL},
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
