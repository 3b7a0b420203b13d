/* clean: "O" outputs of PyArg_ParseTuple are borrowed from the argument
 * tuple and stay valid for the whole call, so they are still used after the
 * function released its own intermediates. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
same_text(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *sa = PyObject_Str(a);
    if (sa == NULL)
        return NULL;
    PyObject *sb = PyObject_Str(b);
    if (sb == NULL) {
        Py_DECREF(sa);
        return NULL;
    }
    int eq = PyObject_RichCompareBool(sa, sb, Py_EQ);
    Py_DECREF(sa);
    Py_DECREF(sb);
    if (eq < 0)
        return NULL;
    if (eq)
        return Py_NewRef(a);
    return PyTuple_Pack(2, a, b);
}

static PyObject *
call_or_default(PyObject *self, PyObject *args)
{
    PyObject *func, *dflt = Py_None;
    if (!PyArg_ParseTuple(args, "O|O", &func, &dflt))
        return NULL;
    PyObject *r = PyObject_CallNoArgs(func);
    if (r == NULL)
        return NULL;
    if (r == Py_None) {
        Py_DECREF(r);
        Py_INCREF(dflt);
        return dflt;
    }
    return r;
}

static PyMethodDef parsed_methods[] = {
    {"same_text", same_text, METH_VARARGS, NULL},
    {"call_or_default", call_or_default, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef parsed_module = {
    PyModuleDef_HEAD_INIT, "parsed", NULL, -1, parsed_methods
};

PyMODINIT_FUNC
PyInit_parsed(void)
{
    return PyModule_Create(&parsed_module);
}
