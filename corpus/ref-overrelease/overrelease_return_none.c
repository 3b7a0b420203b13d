/* ref-overrelease: a method returns Py_None without taking a reference
 * (should be Py_RETURN_NONE); the caller will release it. */
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
    return Py_None; // expected-warning{{ref-overrelease}}
}

static PyObject *
get_verbose(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(verbose);
}

static PyMethodDef settings_methods[] = {
    {"set_verbose", set_verbose, METH_VARARGS, NULL},
    {"get_verbose", get_verbose, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef settings_module = {
    PyModuleDef_HEAD_INIT, "settings", NULL, -1, settings_methods
};

PyMODINIT_FUNC
PyInit_settings(void)
{
    return PyModule_Create(&settings_module);
}
