/* clean: after PyModule_AddObject succeeds the module owns the dict, which
 * is still filled in while the module (and so the dict) is alive. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef limits_module = {
    PyModuleDef_HEAD_INIT, "limits", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_limits(void)
{
    PyObject *m = PyModule_Create(&limits_module);
    if (m == NULL)
        return NULL;
    PyObject *defaults = PyDict_New();
    if (defaults == NULL)
        goto error;
    if (PyModule_AddObject(m, "DEFAULTS", defaults) < 0) {
        Py_DECREF(defaults);
        goto error;
    }
    /* 'defaults' is now borrowed from the module's namespace */
    PyObject *v = PyLong_FromLong(1024);
    if (v == NULL)
        goto error;
    int rc = PyDict_SetItemString(defaults, "max_items", v);
    Py_DECREF(v);
    if (rc < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
