/* clean: METH_FASTCALL functions take (self, args, nargs) and are listed
 * through a (PyCFunction)(void (*)(void)) cast. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
mathx_hypot(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double acc = 0.0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double v = PyFloat_AsDouble(args[i]);
        if (v == -1.0 && PyErr_Occurred())
            return NULL;
        acc += v * v;
    }
    return PyFloat_FromDouble(sqrt(acc));
}

static PyObject *
mathx_clamp(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "clamp() takes 3 arguments (%zd given)", nargs);
        return NULL;
    }
    double v = PyFloat_AsDouble(args[0]);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    double lo = PyFloat_AsDouble(args[1]);
    if (lo == -1.0 && PyErr_Occurred())
        return NULL;
    double hi = PyFloat_AsDouble(args[2]);
    if (hi == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(v < lo ? lo : v > hi ? hi : v);
}

static PyMethodDef mathx_methods[] = {
    {"hypot", (PyCFunction)(void (*)(void))mathx_hypot, METH_FASTCALL, NULL},
    {"clamp", (PyCFunction)(void (*)(void))mathx_clamp, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef mathx_module = {
    PyModuleDef_HEAD_INIT, "mathx", NULL, -1, mathx_methods
};

PyMODINIT_FUNC
PyInit_mathx(void)
{
    return PyModule_Create(&mathx_module);
}
