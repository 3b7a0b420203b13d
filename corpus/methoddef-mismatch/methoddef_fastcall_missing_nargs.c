/* methoddef-mismatch: METH_FASTCALL passes (self, args, nargs), but
 * 'vec_sum' has no nargs parameter. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
vec_sum(PyObject *self, PyObject *const *args)
{
    double total = 0.0;
    for (int i = 0; i < 2; i++) {
        double v = PyFloat_AsDouble(args[i]);
        if (v == -1.0 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyFloat_FromDouble(total);
}

static PyMethodDef vec_methods[] = {
    {"sum2", (PyCFunction)(void (*)(void))vec_sum, METH_FASTCALL, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef vec_module = {
    PyModuleDef_HEAD_INIT, "vec", NULL, -1, vec_methods
};

PyMODINIT_FUNC
PyInit_vec(void)
{
    return PyModule_Create(&vec_module);
}
