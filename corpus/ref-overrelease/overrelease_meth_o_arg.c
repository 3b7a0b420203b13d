/* ref-overrelease: the argument of a METH_O method is borrowed from the
 * caller; the method releases it after using it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
to_upper(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(arg, "upper", NULL);
    Py_DECREF(arg); // expected-warning{{ref-overrelease}}
    return res;
}

static PyMethodDef upper_methods[] = {
    {"to_upper", to_upper, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef upper_module = {
    PyModuleDef_HEAD_INIT, "upper", NULL, -1, upper_methods
};

PyMODINIT_FUNC
PyInit_upper(void)
{
    return PyModule_Create(&upper_module);
}
