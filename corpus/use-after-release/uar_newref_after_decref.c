/* use-after-release: 's' is released right after deriving 'stripped' from
 * it, but the fallback branch still returns Py_NewRef(s). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
strip_or_keep(PyObject *self, PyObject *arg)
{
    PyObject *s = PyObject_Str(arg);
    if (s == NULL)
        return NULL;
    PyObject *stripped = PyObject_CallMethod(s, "strip", NULL);
    Py_DECREF(s);
    if (stripped == NULL)
        return NULL;
    if (PyObject_Length(stripped) == 0) {
        Py_DECREF(stripped);
        return Py_NewRef(s); // expected-warning{{use-after-release}}
    }
    return stripped; // expected-warning{{exception-state}}
}

static PyMethodDef strip_methods[] = {
    {"strip_or_keep", strip_or_keep, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef strip_module = {
    PyModuleDef_HEAD_INIT, "strip", NULL, -1, strip_methods
};

PyMODINIT_FUNC
PyInit_strip(void)
{
    return PyModule_Create(&strip_module);
}
