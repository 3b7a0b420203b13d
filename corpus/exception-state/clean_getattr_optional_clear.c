/* clean: a missing optional attribute is tolerated only for AttributeError,
 * which is cleared with PyErr_Clear(); any other error is propagated. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
plugin_priority(PyObject *self, PyObject *plugin)
{
    long priority = 50;
    PyObject *attr = PyObject_GetAttrString(plugin, "priority");
    if (attr == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return NULL;
        PyErr_Clear();
    }
    else {
        priority = PyLong_AsLong(attr);
        Py_DECREF(attr);
        if (priority == -1 && PyErr_Occurred())
            return NULL;
    }
    return PyLong_FromLong(priority);
}

static PyMethodDef plugin_methods[] = {
    {"priority", plugin_priority, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef plugin_module = {
    PyModuleDef_HEAD_INIT, "plugin", NULL, -1, plugin_methods
};

PyMODINIT_FUNC
PyInit_plugin(void)
{
    return PyModule_Create(&plugin_module);
}
