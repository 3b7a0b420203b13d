/* clean: peeking at the first item distinguishes all three outcomes of
 * PyIter_Next(): an item, exhaustion (no exception) and an error. */
// expected-no-diagnostics
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
    if (first == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    PyObject *name = PyUnicode_FromString(Py_TYPE(first)->tp_name);
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
