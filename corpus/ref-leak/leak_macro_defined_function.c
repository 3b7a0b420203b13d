/* ref-leak: a function whose declarator a macro spells (as codec tables
 * do) is analysed like any other. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define GETTER(name) static PyObject *get_##name(PyObject *self, PyObject *unused)

GETTER(pair)
{
    (void)self;
    (void)unused;
    PyObject *a = PyLong_FromLong(1000); // expected-warning{{ref-leak}}
    if (a == NULL)
        return NULL;
    PyObject *b = PyLong_FromLong(2000);
    if (b == NULL)
        return NULL;
    PyObject *t = PyTuple_Pack(2, a, b);
    Py_DECREF(a);
    Py_DECREF(b);
    return t;
}

static PyMethodDef getter_methods[] = {
    {"pair", get_pair, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef getter_module = {
    PyModuleDef_HEAD_INIT, "getter", NULL, -1, getter_methods
};

PyMODINIT_FUNC
PyInit_getter(void)
{
    return PyModule_Create(&getter_module);
}
