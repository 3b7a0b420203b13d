/* clean: _PyObject_LookupAttr() sets its output to NULL when it fails or
 * the attribute is missing, and to a new reference when it returns 1.
 * get_hook() ignores the result and tests the output: a NULL output with
 * an exception set is the failure, passed on; a NULL output without one
 * is a missing attribute, reported as AttributeError. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
get_hook(PyObject *module, PyObject *args)
{
    PyObject *obj, *name, *hook;
    (void)module;
    if (!PyArg_ParseTuple(args, "OU", &obj, &name))
        return NULL;
    (void)_PyObject_LookupAttr(obj, name, &hook);
    if (hook == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_AttributeError, "no hook %R", name);
    return hook;
}

static PyObject *
call_hook(PyObject *module, PyObject *args)
{
    PyObject *obj, *name, *hook;
    (void)module;
    if (!PyArg_ParseTuple(args, "OU", &obj, &name))
        return NULL;
    int rc = _PyObject_LookupAttr(obj, name, &hook);
    if (rc < 0)
        return NULL;
    if (rc == 0)
        Py_RETURN_NONE;
    PyObject *res = PyObject_CallNoArgs(hook);
    Py_DECREF(hook);
    return res;
}

static PyMethodDef hooks_methods[] = {
    {"get_hook", get_hook, METH_VARARGS, NULL},
    {"call_hook", call_hook, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef hooks_module = {
    PyModuleDef_HEAD_INIT, "hooks", NULL, -1, hooks_methods
};

PyMODINIT_FUNC
PyInit_hooks(void)
{
    return PyModule_Create(&hooks_module);
}
