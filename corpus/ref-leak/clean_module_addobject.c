/* clean: PyModule_AddObject steals only on success; each failure branch
 * releases the value itself before bailing out. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef cfg_module = {
    PyModuleDef_HEAD_INIT, "cfg", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_cfg(void)
{
    PyObject *defaults, *err;
    PyObject *m = PyModule_Create(&cfg_module);
    if (m == NULL)
        return NULL;
    defaults = PyDict_New();
    if (defaults == NULL)
        goto fail;
    if (PyModule_AddObject(m, "DEFAULTS", defaults) < 0) {
        Py_DECREF(defaults);
        goto fail;
    }
    err = PyErr_NewException("cfg.Error", NULL, NULL);
    if (err == NULL)
        goto fail;
    if (PyModule_AddObject(m, "Error", err) < 0) {
        Py_DECREF(err);
        goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
