/* null-return-no-exception: PyDict_GetItemWithError() sets an exception
 * only on error; a missing key gives NULL without KeyError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
get_setting(PyObject *self, PyObject *args)
{
    PyObject *settings, *key, *value;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &settings, &key))
        return NULL;
    value = PyDict_GetItemWithError(settings, key);
    if (value == NULL)
        return NULL; // expected-warning{{null-return-no-exception}}
    return Py_NewRef(value);
}

static PyMethodDef settings_methods[] = {
    {"get_setting", get_setting, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef settings_module = {
    PyModuleDef_HEAD_INIT, "settings", NULL, -1, settings_methods
};

PyMODINIT_FUNC
PyInit_settings(void)
{
    return PyModule_Create(&settings_module);
}
