/* ref-overrelease: a two-slot tuple is filled at index 2, which is out of
 * range.  PyTuple_SetItem then fails, and it has already released the
 * item it was given (it steals even on failure): the Py_DECREF in the
 * error branch releases it a second time. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tagged_value(PyObject *self, PyObject *arg)
{
    PyObject *tag = PyUnicode_FromString("value");
    if (tag == NULL)
        return NULL;
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(tag);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, tag);
    Py_INCREF(arg);
    if (PyTuple_SetItem(result, 2, arg) < 0) {
        Py_DECREF(arg); // expected-warning{{ref-overrelease}}
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef tag_methods[] = {
    {"tagged_value", tagged_value, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef tag_module = {
    PyModuleDef_HEAD_INIT, "tags", NULL, -1, tag_methods
};

PyMODINIT_FUNC
PyInit_tags(void)
{
    return PyModule_Create(&tag_module);
}
