/* clean: a borrowed reference is Py_INCREF'd (to keep it alive across
 * calls, or to make both branches own it) and later Py_DECREF'd. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
call_each(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &list))
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *func = PyList_GET_ITEM(list, i);
        Py_INCREF(func);    /* the call may mutate the list */
        PyObject *r = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *
resolve_repr(PyObject *self, PyObject *args)
{
    PyObject *ns, *name;
    PyObject *value = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "OU", &ns, &name))
        return NULL;
    if (PyDict_Check(ns)) {
        value = PyDict_GetItemWithError(ns, name);
        if (value == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, name);
            goto done;
        }
        Py_INCREF(value);
    }
    else {
        value = PyObject_GetAttr(ns, name);
        if (value == NULL)
            goto done;
    }
    result = PyObject_Repr(value);
done:
    Py_XDECREF(value);
    return result;
}

static PyMethodDef holders_methods[] = {
    {"call_each", call_each, METH_VARARGS, NULL},
    {"resolve_repr", resolve_repr, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef holders_module = {
    PyModuleDef_HEAD_INIT, "holders", NULL, -1, holders_methods
};

PyMODINIT_FUNC
PyInit_holders(void)
{
    return PyModule_Create(&holders_module);
}
