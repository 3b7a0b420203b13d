/* clean: "O!" with &PyUnicode_Type / &PyDict_Type followed by PyObject**
 * outputs, and "O&" with a converter function followed by its target. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
percent_converter(PyObject *obj, void *addr)
{
    double *out = (double *)addr;
    double v = PyFloat_AsDouble(obj);
    if (v == -1.0 && PyErr_Occurred())
        return 0;
    if (v < 0.0 || v > 100.0) {
        PyErr_SetString(PyExc_ValueError, "percentage must be within [0, 100]");
        return 0;
    }
    *out = v / 100.0;
    return 1;
}

static PyObject *
config_lookup(PyObject *self, PyObject *args)
{
    PyObject *table;
    PyObject *key;
    if (!PyArg_ParseTuple(args, "O!O!:lookup", &PyDict_Type, &table,
                          &PyUnicode_Type, &key))
        return NULL;
    PyObject *value = PyDict_GetItemWithError(table, key);
    if (value == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return Py_NewRef(value);
}

static PyObject *
config_blend(PyObject *self, PyObject *args)
{
    double a, b, weight;
    if (!PyArg_ParseTuple(args, "ddO&:blend", &a, &b, percent_converter, &weight))
        return NULL;
    return PyFloat_FromDouble(a * (1.0 - weight) + b * weight);
}

static PyObject *
config_fspath(PyObject *self, PyObject *arg)
{
    PyObject *bytes_path;
    if (!PyArg_Parse(arg, "O&", PyUnicode_FSConverter, &bytes_path))
        return NULL;
    return bytes_path;
}

static PyMethodDef config_methods[] = {
    {"lookup", config_lookup, METH_VARARGS, NULL},
    {"blend", config_blend, METH_VARARGS, NULL},
    {"fspath", config_fspath, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef config_module = {
    PyModuleDef_HEAD_INIT, "config", NULL, -1, config_methods
};

PyMODINIT_FUNC
PyInit_config(void)
{
    return PyModule_Create(&config_module);
}
