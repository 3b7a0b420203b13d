/* clean: a new reference stored into a static (module-global) cache is
 * owned by that variable, not leaked. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *json_loads = NULL;

static PyObject *
fast_loads(PyObject *self, PyObject *text)
{
    if (json_loads == NULL) {
        PyObject *json = PyImport_ImportModule("json");
        if (json == NULL)
            return NULL;
        json_loads = PyObject_GetAttrString(json, "loads");
        Py_DECREF(json);
        if (json_loads == NULL)
            return NULL;
    }
    return PyObject_CallOneArg(json_loads, text);
}

static PyMethodDef fastjson_methods[] = {
    {"loads", fast_loads, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fastjson_module = {
    PyModuleDef_HEAD_INIT, "fastjson", NULL, -1, fastjson_methods
};

PyMODINIT_FUNC
PyInit_fastjson(void)
{
    return PyModule_Create(&fastjson_module);
}
