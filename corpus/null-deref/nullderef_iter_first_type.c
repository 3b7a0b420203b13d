/* null-deref: PyIter_Next() returns NULL without an exception for an empty
 * iterable; only the error case is handled before Py_TYPE(first). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_type_name(PyObject *self, PyObject *iterable)
{
    (void)self;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *first = PyIter_Next(it);
    Py_DECREF(it);
    if (first == NULL && PyErr_Occurred())
        return NULL;
    PyObject *name = PyUnicode_FromString(Py_TYPE(first)->tp_name); // expected-warning{{null-deref}}
    Py_DECREF(first);
    return name;
}

static PyMethodDef peek_methods[] = {
    {"first_type_name", first_type_name, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef peek_module = {
    PyModuleDef_HEAD_INIT, "peek", NULL, -1, peek_methods
};

PyMODINIT_FUNC
PyInit_peek(void)
{
    return PyModule_Create(&peek_module);
}
