/* ref-leak: PyModule_AddObject steals only on success; the failure branch
 * releases the module but not the value. */
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
    PyObject *version = PyUnicode_FromString("1.4.2"); // expected-warning{{ref-leak}}
    if (version == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObject(m, "__version__", version) < 0) {
        Py_DECREF(m);
        return NULL;                      /* leaks 'version' */
    }
    if (PyModule_AddIntConstant(m, "API_LEVEL", 3) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
