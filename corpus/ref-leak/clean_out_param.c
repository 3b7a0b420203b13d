/* clean: a helper hands its new references to the caller through output
 * pointers (*first = a); the caller releases them. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
unpack_pair(PyObject *obj, PyObject **first, PyObject **second)
{
    PyObject *a = PySequence_GetItem(obj, 0);
    if (a == NULL)
        return -1;
    PyObject *b = PySequence_GetItem(obj, 1);
    if (b == NULL) {
        Py_DECREF(a);
        return -1;
    }
    *first = a;
    *second = b;
    return 0;
}

static PyObject *
swap_pair(PyObject *self, PyObject *obj)
{
    PyObject *a, *b;
    if (unpack_pair(obj, &a, &b) < 0)
        return NULL;
    PyObject *r = PyTuple_Pack(2, b, a);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

static PyMethodDef pairs_methods[] = {
    {"swap", swap_pair, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pairs_module = {
    PyModuleDef_HEAD_INIT, "pairs", NULL, -1, pairs_methods
};

PyMODINIT_FUNC
PyInit_pairs(void)
{
    return PyModule_Create(&pairs_module);
}
