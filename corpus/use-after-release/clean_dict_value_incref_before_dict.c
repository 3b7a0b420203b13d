/* clean: the value borrowed from the instance __dict__ is Py_INCREF'd while
 * that dict (a new reference) is still alive; the dict is released after. */
// expected-no-diagnostics
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
    if (v == NULL) {
        Py_DECREF(d);
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, name);
        return NULL;
    }
    Py_INCREF(v);
    Py_DECREF(d);
    return v;
}

static PyObject *
own_attr_len(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &obj, &name))
        return NULL;
    PyObject *d = PyObject_GenericGetDict(obj, NULL);
    if (d == NULL)
        return NULL;
    PyObject *v = PyDict_GetItemString(d, name);
    if (v == NULL) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_AttributeError, name);
        return NULL;
    }
    Py_ssize_t n = PyObject_Length(v);
    Py_DECREF(d);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef ownattr_methods[] = {
    {"own_attr", own_attr, METH_VARARGS, NULL},
    {"own_attr_len", own_attr_len, METH_VARARGS, NULL},
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
