/* clean: singletons and the argument itself are returned as new references
 * (Py_NewRef(Py_None), Py_RETURN_FALSE, Py_NewRef(arg)). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int verbose;

static PyObject *
set_verbose(PyObject *self, PyObject *args)
{
    int flag;
    if (!PyArg_ParseTuple(args, "p", &flag))
        return NULL;
    verbose = flag;
    return Py_NewRef(Py_None);
}

static PyObject *
is_sorted(PyObject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    for (Py_ssize_t i = 1; i < PyList_GET_SIZE(list); i++) {
        int le = PyObject_RichCompareBool(PyList_GET_ITEM(list, i - 1),
                                          PyList_GET_ITEM(list, i), Py_LE);
        if (le < 0)
            return NULL;
        if (le == 0)
            Py_RETURN_FALSE;
    }
    Py_INCREF(Py_True);
    return Py_True;
}

static PyObject *
as_tuple(PyObject *self, PyObject *seq)
{
    if (PyTuple_CheckExact(seq))
        return Py_NewRef(seq);
    return PySequence_Tuple(seq);
}

static PyMethodDef singletons_methods[] = {
    {"set_verbose", set_verbose, METH_VARARGS, NULL},
    {"is_sorted", is_sorted, METH_O, NULL},
    {"as_tuple", as_tuple, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef singletons_module = {
    PyModuleDef_HEAD_INIT, "singletons", NULL, -1, singletons_methods
};

PyMODINIT_FUNC
PyInit_singletons(void)
{
    return PyModule_Create(&singletons_module);
}
