/* clean: every failure in module init releases the module and returns
 * NULL through one error label; the module is returned only on success. */
// expected-no-diagnostics
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
    if (names == NULL)
        goto error;
    if (PyModule_AddObject(m, "LEVEL_NAMES", names) < 0) {
        Py_DECREF(names);
        goto error;
    }
    if (PyModule_AddIntConstant(m, "DEFAULT_LEVEL", 6) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
