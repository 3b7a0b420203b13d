/* clean: PyLong_FromLong() of a small constant (-5..256) hands out the
 * int the interpreter keeps for it, so it cannot fail; using it unchecked
 * is not a NULL dereference. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
zero_filled(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative length");
        return NULL;
    }
    PyObject *zero = PyLong_FromLong(0);
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        Py_DECREF(zero);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyList_SET_ITEM(list, i, Py_NewRef(zero));
    Py_DECREF(zero);
    return list;
}

static PyMethodDef fill_methods[] = {
    {"zero_filled", zero_filled, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fill_module = {
    PyModuleDef_HEAD_INIT, "fills", NULL, -1, fill_methods
};

PyMODINIT_FUNC
PyInit_fills(void)
{
    return PyModule_Create(&fill_module);
}
