/* clean: an argument that is not an integer falls back to float conversion;
 * the TypeError from PyNumber_AsSsize_t() is deliberately cleared first. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

static PyObject *
units_to_millis(PyObject *self, PyObject *arg)
{
    Py_ssize_t whole = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (whole == -1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_TypeError))
            return NULL;
        PyErr_Clear();
        double secs = PyFloat_AsDouble(arg);
        if (secs == -1.0 && PyErr_Occurred())
            return NULL;
        return PyLong_FromDouble(round(secs * 1000.0));
    }
    if (whole > PY_SSIZE_T_MAX / 1000 || whole < PY_SSIZE_T_MIN / 1000) {
        PyErr_SetString(PyExc_OverflowError, "duration too large");
        return NULL;
    }
    return PyLong_FromSsize_t(whole * 1000);
}

static PyMethodDef units_methods[] = {
    {"to_millis", units_to_millis, METH_O, NULL},
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
