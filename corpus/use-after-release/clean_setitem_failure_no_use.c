/* clean: after PyList_SetItem (which steals the value even on failure) the
 * value is not touched again; the error message is built from the index. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
store_at(PyObject *self, PyObject *args)
{
    PyObject *list;
    Py_ssize_t i;
    long v;
    if (!PyArg_ParseTuple(args, "O!nl", &PyList_Type, &list, &i, &v))
        return NULL;
    PyObject *value = PyLong_FromLong(v);
    if (value == NULL)
        return NULL;
    if (PyList_SetItem(list, i, value) < 0) {
        PyErr_Format(PyExc_IndexError, "cannot store at index %zd", i);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
strip_or_keep(PyObject *self, PyObject *arg)
{
    PyObject *s = PyObject_Str(arg);
    if (s == NULL)
        return NULL;
    PyObject *stripped = PyObject_CallMethod(s, "strip", NULL);
    if (stripped == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    Py_ssize_t n = PyObject_Length(stripped);
    if (n < 0) {
        Py_DECREF(stripped);
        Py_DECREF(s);
        return NULL;
    }
    if (n == 0) {
        Py_DECREF(stripped);
        return s;
    }
    Py_DECREF(s);
    return stripped;
}

static PyMethodDef store_methods[] = {
    {"store_at", store_at, METH_VARARGS, NULL},
    {"strip_or_keep", strip_or_keep, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef store_module = {
    PyModuleDef_HEAD_INIT, "store", NULL, -1, store_methods
};

PyMODINIT_FUNC
PyInit_store(void)
{
    return PyModule_Create(&store_module);
}
