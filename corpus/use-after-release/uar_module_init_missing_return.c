/* use-after-release: module init releases the module when adding a
 * constant fails but falls through (missing braces/return) and returns it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
level_name(PyObject *self, PyObject *arg)
{
    long level = PyLong_AsLong(arg);
    if (level == -1 && PyErr_Occurred())
        return NULL;
    return PyUnicode_FromFormat("level-%ld", level);
}

static PyMethodDef zlevel_methods[] = {
    {"level_name", level_name, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef zlevel_module = {
    PyModuleDef_HEAD_INIT, "zlevel", NULL, -1, zlevel_methods
};

PyMODINIT_FUNC
PyInit_zlevel(void)
{
    PyObject *m = PyModule_Create(&zlevel_module);
    if (m == NULL)
        return NULL;
    PyObject *names = Py_BuildValue("(sss)", "fast", "default", "best");
    if (names == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObject(m, "LEVEL_NAMES", names) < 0) {
        Py_DECREF(names);
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "DEFAULT_LEVEL", 6) < 0)
        Py_DECREF(m);
    return m; // expected-warning{{use-after-release}} expected-warning{{exception-state}}
}
