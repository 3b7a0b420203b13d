/* clean: call_with() takes over its 'args' reference: it returns NULL at
 * once when 'args' is NULL (the exception of the failed constructor is
 * still set), and otherwise releases 'args' after the call.  So callers
 * can pass a freshly built tuple straight in, without checking it first
 * and without releasing it afterwards. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Steals 'args', which may be NULL (with an exception set). */
static PyObject *
call_with(PyObject *func, PyObject *args)
{
    if (args == NULL)
        return NULL;
    PyObject *r = PyObject_CallObject(func, args);
    Py_DECREF(args);
    return r;
}

static PyObject *
apply2(PyObject *module, PyObject *args)
{
    PyObject *func, *a, *b;
    (void)module;

    if (!PyArg_ParseTuple(args, "OOO:apply2", &func, &a, &b))
        return NULL;
    return call_with(func, PyTuple_Pack(2, a, b));
}

static PyObject *
apply_scaled(PyObject *module, PyObject *args)
{
    PyObject *func;
    double x, factor;
    (void)module;

    if (!PyArg_ParseTuple(args, "Odd:apply_scaled", &func, &x, &factor))
        return NULL;
    PyObject *r = call_with(func, Py_BuildValue("(d)", x * factor));
    if (r == NULL)
        return NULL;
    PyObject *res = PyTuple_Pack(2, r, func);
    Py_DECREF(r);
    return res;
}

static PyMethodDef applier_methods[] = {
    {"apply2", apply2, METH_VARARGS, NULL},
    {"apply_scaled", apply_scaled, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef applier_module = {
    PyModuleDef_HEAD_INIT, "applier", NULL, -1, applier_methods
};

PyMODINIT_FUNC
PyInit_applier(void)
{
    return PyModule_Create(&applier_module);
}
