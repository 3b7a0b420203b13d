/* use-after-release: the value is borrowed from the instance __dict__ (a
 * new reference from PyObject_GetAttrString), which is released first. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
own_attr(PyObject *self, PyObject *args)
{
    PyObject *obj, *name;
    if (!PyArg_ParseTuple(args, "OU", &obj, &name))
        return NULL;
    PyObject *d = PyObject_GetAttrString(obj, "__dict__");
    if (d == NULL)
        return NULL;
    if (!PyDict_Check(d)) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_TypeError, "__dict__ is not a dict");
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(d, name);
    Py_DECREF(d);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, name);
        return NULL;
    }
    Py_INCREF(v); // expected-warning{{use-after-release}}
    return v;
}

static PyMethodDef ownattr_methods[] = {
    {"own_attr", own_attr, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ownattr_module = {
    PyModuleDef_HEAD_INIT, "ownattr", NULL, -1, ownattr_methods
};

PyMODINIT_FUNC
PyInit_ownattr(void)
{
    return PyModule_Create(&ownattr_module);
}
