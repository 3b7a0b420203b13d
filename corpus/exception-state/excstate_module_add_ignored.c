/* exception-state: module initialisation ignores the -1 results of
 * PyModule_AddIntConstant() and PyModule_AddObjectRef(), then returns the module. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
levels_name(PyObject *self, PyObject *args)
{
    int level;
    if (!PyArg_ParseTuple(args, "i", &level))
        return NULL;
    switch (level) {
    case 10: return PyUnicode_FromString("DEBUG");
    case 20: return PyUnicode_FromString("INFO");
    case 30: return PyUnicode_FromString("WARNING");
    default: return PyUnicode_FromFormat("Level %d", level);
    }
}

static PyMethodDef levels_methods[] = {
    {"name", levels_name, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef levels_module = {
    PyModuleDef_HEAD_INIT, "levels", NULL, -1, levels_methods
};

PyMODINIT_FUNC
PyInit_levels(void)
{
    PyObject *m = PyModule_Create(&levels_module);
    if (m == NULL)
        return NULL;
    PyModule_AddIntConstant(m, "DEBUG", 10); // expected-warning{{exception-state}}
    if (PyModule_AddIntConstant(m, "INFO", 20) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *error = PyErr_NewException("levels.LevelError", NULL, NULL);
    if (error == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    PyModule_AddObjectRef(m, "LevelError", error); // expected-warning{{exception-state}}
    Py_DECREF(error);
    return m; // expected-warning{{exception-state}}
}
