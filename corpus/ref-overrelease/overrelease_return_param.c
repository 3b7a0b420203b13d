/* ref-overrelease: the fast path returns the METH_O argument itself, a
 * borrowed reference, instead of a new one (Py_NewRef). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
as_tuple(PyObject *self, PyObject *seq)
{
    if (PyTuple_CheckExact(seq))
        return seq; // expected-warning{{ref-overrelease}}
    return PySequence_Tuple(seq);
}

static PyMethodDef tuples_methods[] = {
    {"as_tuple", as_tuple, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef tuples_module = {
    PyModuleDef_HEAD_INIT, "tuples", NULL, -1, tuples_methods
};

PyMODINIT_FUNC
PyInit_tuples(void)
{
    return PyModule_Create(&tuples_module);
}
