/* use-after-release: the error message dereferences the callback's result
 * (Py_TYPE(res)->tp_name) after the result has been released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
call_for_int(PyObject *self, PyObject *func)
{
    PyObject *res = PyObject_CallNoArgs(func);
    if (res == NULL)
        return NULL;
    if (!PyLong_Check(res)) {
        Py_DECREF(res);
        PyErr_Format(PyExc_TypeError, "expected int, got %s", Py_TYPE(res)->tp_name); // expected-warning{{use-after-release}}
        return NULL;
    }
    long v = PyLong_AsLong(res);
    Py_DECREF(res);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(v * 2);
}

static PyMethodDef callint_methods[] = {
    {"call_for_int", call_for_int, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef callint_module = {
    PyModuleDef_HEAD_INIT, "callint", NULL, -1, callint_methods
};

PyMODINIT_FUNC
PyInit_callint(void)
{
    return PyModule_Create(&callint_module);
}
