/* null-deref: a call checks only that it got no fewer arguments than
 * declared (n < declared fails), then walks i < n.  Past the declared
 * ones it reads the extras tuple, which is still NULL: the extra
 * arguments were never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
check_all(PyObject *module, PyObject *args)
{
    PyObject *checks, *values, *extras = NULL;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!O!", &PyTuple_Type, &checks,
                          &PyTuple_Type, &values))
        return NULL;
    Py_ssize_t declared = PyTuple_GET_SIZE(checks);
    Py_ssize_t n = PyTuple_GET_SIZE(values);
    if (n < declared) {
        PyErr_Format(PyExc_TypeError, "expected at least %zd values, got %zd",
                     declared, n);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *check;
        if (i < declared)
            check = PyTuple_GET_ITEM(checks, i);
        else
            check = PyTuple_GET_ITEM(extras, i - declared); // expected-warning{{null-deref}}
        PyObject *ok = PyObject_CallOneArg(check, PyTuple_GET_ITEM(values, i));
        if (ok == NULL)
            return NULL;
        Py_DECREF(ok);
    }
    Py_RETURN_NONE;
}

static PyMethodDef checks_methods[] = {
    {"check_all", check_all, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef checks_module = {
    PyModuleDef_HEAD_INIT, "varchecks", NULL, -1, checks_methods
};

PyMODINIT_FUNC
PyInit_varchecks(void)
{
    return PyModule_Create(&checks_module);
}
