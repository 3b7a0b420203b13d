/* clean: a variable whose reference was released (Py_CLEAR, or Py_DECREF on
 * one branch) is reassigned a new reference before it is used again. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
short_text(PyObject *self, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t width;
    if (!PyArg_ParseTuple(args, "On", &obj, &width))
        return NULL;
    PyObject *text = PyObject_Str(obj);
    if (text == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(text) > width) {
        Py_DECREF(text);
        text = PyObject_Repr(obj);
        if (text == NULL)
            return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("<%U>", text);
    Py_DECREF(text);
    return res;
}

static PyObject *
retry_call(PyObject *self, PyObject *args)
{
    PyObject *func, *fallback_arg;
    if (!PyArg_ParseTuple(args, "OO", &func, &fallback_arg))
        return NULL;
    PyObject *res = PyObject_CallNoArgs(func);
    if (res != NULL && res == Py_None)
        Py_CLEAR(res);
    if (res == NULL) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_TypeError))
            return NULL;
        PyErr_Clear();
        res = PyObject_CallOneArg(func, fallback_arg);
        if (res == NULL)
            return NULL;
    }
    if (PyObject_Length(res) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static PyMethodDef reassign_methods[] = {
    {"short_text", short_text, METH_VARARGS, NULL},
    {"retry_call", retry_call, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef reassign_module = {
    PyModuleDef_HEAD_INIT, "reassign", NULL, -1, reassign_methods
};

PyMODINIT_FUNC
PyInit_reassign(void)
{
    return PyModule_Create(&reassign_module);
}
