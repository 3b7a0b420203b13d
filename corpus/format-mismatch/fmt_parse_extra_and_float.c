/* format-mismatch: PyArg_Parse with "s" is given an extra argument, and
 * "d" of PyArg_ParseTuple stores a double through a float*. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
units_name_length(PyObject *self, PyObject *arg)
{
    const char *name;
    Py_ssize_t len;
    if (!PyArg_Parse(arg, "s", &name, &len)) // expected-warning{{format-mismatch}}
        return NULL;
    return PyLong_FromSize_t(strlen(name));
}

static PyObject *
units_to_celsius(PyObject *self, PyObject *args)
{
    float fahrenheit;
    if (!PyArg_ParseTuple(args, "d:to_celsius", &fahrenheit)) // expected-warning{{format-mismatch}}
        return NULL;
    return PyFloat_FromDouble((fahrenheit - 32.0) * 5.0 / 9.0);
}

static PyMethodDef units_methods[] = {
    {"name_length", units_name_length, METH_O, NULL},
    {"to_celsius", units_to_celsius, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef units_module = {
    PyModuleDef_HEAD_INIT, "units", NULL, -1, units_methods
};

PyMODINIT_FUNC
PyInit_units(void)
{
    return PyModule_Create(&units_module);
}
