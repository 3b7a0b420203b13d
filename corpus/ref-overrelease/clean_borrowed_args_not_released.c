/* clean: arguments (the METH_O argument, "O" objects from PyArg_ParseTuple,
 * PyTuple_GET_ITEM of args) are borrowed and never released; only the
 * results of calls are. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
call_twice(PyObject *self, PyObject *args)
{
    PyObject *func;
    PyObject *first = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "O", &func))
        return NULL;
    first = PyObject_CallNoArgs(func);
    if (first == NULL)
        goto done;
    result = PyObject_CallOneArg(func, first);
done:
    Py_XDECREF(first);
    return result;
}

static PyObject *
to_upper(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return NULL;
    }
    return PyObject_CallMethod(arg, "upper", NULL);
}

static PyObject *
first_true(PyObject *self, PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        int t = PyObject_IsTrue(item);
        if (t < 0)
            return NULL;
        if (t)
            return Py_NewRef(item);
    }
    Py_RETURN_NONE;
}

static PyMethodDef args_methods[] = {
    {"call_twice", call_twice, METH_VARARGS, NULL},
    {"to_upper", to_upper, METH_O, NULL},
    {"first_true", first_true, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef args_module = {
    PyModuleDef_HEAD_INIT, "argsmod", NULL, -1, args_methods
};

PyMODINIT_FUNC
PyInit_argsmod(void)
{
    return PyModule_Create(&args_module);
}
