/* clean: -1 from PyLong_AsLong() is a valid value; the error is told apart
 * with PyErr_Occurred(), and -1 itself is accepted as an offset. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
offsets_apply(PyObject *self, PyObject *args)
{
    PyObject *base_obj, *delta_obj;
    if (!PyArg_ParseTuple(args, "OO", &base_obj, &delta_obj))
        return NULL;
    long base = PyLong_AsLong(base_obj);
    if (base == -1 && PyErr_Occurred())
        return NULL;
    long delta = PyLong_AsLong(delta_obj);
    if (delta == -1 && PyErr_Occurred())
        return NULL;
    if ((delta > 0 && base > LONG_MAX - delta) ||
        (delta < 0 && base < LONG_MIN - delta)) {
        PyErr_SetString(PyExc_OverflowError, "offset out of range");
        return NULL;
    }
    return PyLong_FromLong(base + delta);
}

static PyMethodDef offsets_methods[] = {
    {"apply", offsets_apply, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef offsets_module = {
    PyModuleDef_HEAD_INIT, "offsets", NULL, -1, offsets_methods
};

PyMODINIT_FUNC
PyInit_offsets(void)
{
    return PyModule_Create(&offsets_module);
}
