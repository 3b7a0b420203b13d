/* methoddef-mismatch: METH_KEYWORDS alone names no calling convention
 * (it must be combined with METH_VARARGS or METH_FASTCALL); CPython
 * rejects the call with SystemError "bad call flags". */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
env_lookup(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "default", NULL};
    const char *name;
    PyObject *dflt = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|O:lookup", kwlist, &name, &dflt))
        return NULL;
    const char *v = getenv(name);
    if (v == NULL)
        return Py_NewRef(dflt);
    return PyUnicode_DecodeFSDefault(v);
}

static PyMethodDef env_methods[] = {
    {"lookup", (PyCFunction)(void (*)(void))env_lookup, METH_KEYWORDS, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef env_module = {
    PyModuleDef_HEAD_INIT, "cenv", NULL, -1, env_methods
};

PyMODINIT_FUNC
PyInit_cenv(void)
{
    return PyModule_Create(&env_module);
}
