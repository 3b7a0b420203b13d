/* clean: everything needed from an object (its type name for an error
 * message, its value, its UTF-8 text) is taken before it is released. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
call_for_int(PyObject *self, PyObject *func)
{
    PyObject *res = PyObject_CallNoArgs(func);
    if (res == NULL)
        return NULL;
    if (!PyLong_Check(res)) {
        PyErr_Format(PyExc_TypeError, "expected int, got %s", Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    long v = PyLong_AsLong(res);
    Py_DECREF(res);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(v * 2);
}

static PyObject *
bracketed(PyObject *self, PyObject *obj)
{
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL)
        return NULL;
    PyObject *out = NULL;
    const char *s = PyUnicode_AsUTF8(r);
    if (s != NULL)
        out = PyUnicode_FromFormat("[%s]", s);
    Py_DECREF(r);
    return out;
}

static PyObject *
checked_call(PyObject *self, PyObject *args)
{
    PyObject *func, *arg;
    if (!PyArg_ParseTuple(args, "OO", &func, &arg))
        return NULL;
    PyObject *res = PyObject_CallOneArg(func, arg);
    if (res == NULL)
        return NULL;
    if (!PyLong_Check(res)) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "callback must return an int");
        return NULL;
    }
    return res;
}

static PyMethodDef before_methods[] = {
    {"call_for_int", call_for_int, METH_O, NULL},
    {"bracketed", bracketed, METH_O, NULL},
    {"checked_call", checked_call, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef before_module = {
    PyModuleDef_HEAD_INIT, "before", NULL, -1, before_methods
};

PyMODINIT_FUNC
PyInit_before(void)
{
    return PyModule_Create(&before_module);
}
