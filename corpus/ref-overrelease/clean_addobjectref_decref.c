/* clean: PyModule_AddObjectRef does not steal, so the value is released
 * after the call on both outcomes. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef versioned_module = {
    PyModuleDef_HEAD_INIT, "versioned", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_versioned(void)
{
    PyObject *m = PyModule_Create(&versioned_module);
    if (m == NULL)
        return NULL;
    PyObject *version = PyUnicode_FromString("2.0.1");
    if (version == NULL)
        goto error;
    int rc = PyModule_AddObjectRef(m, "__version__", version);
    Py_DECREF(version);
    if (rc < 0)
        goto error;
    PyObject *info = Py_BuildValue("(iii)", 2, 0, 1);
    if (info == NULL)
        goto error;
    if (PyModule_AddObjectRef(m, "version_info", info) < 0) {
        Py_DECREF(info);
        goto error;
    }
    Py_DECREF(info);
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
