/* methoddef-mismatch: METH_FASTCALL | METH_KEYWORDS passes four arguments
 * (self, args, nargs, kwnames); 'fmt_join' was written for plain
 * METH_FASTCALL and takes three. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
fmt_join(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *parts = PyTuple_New(nargs);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *s = PyObject_Str(args[i]);
        if (s == NULL) {
            Py_DECREF(parts);
            return NULL;
        }
        PyTuple_SET_ITEM(parts, i, s);
    }
    PyObject *sep = PyUnicode_FromString(" ");
    if (sep == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    PyObject *result = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    Py_DECREF(parts);
    return result;
}

static PyMethodDef fmt_methods[] = {
    {"join", (PyCFunction)(void (*)(void))fmt_join, METH_FASTCALL | METH_KEYWORDS, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fmt_module = {
    PyModuleDef_HEAD_INIT, "fmtjoin", NULL, -1, fmt_methods
};

PyMODINIT_FUNC
PyInit_fmtjoin(void)
{
    return PyModule_Create(&fmt_module);
}
