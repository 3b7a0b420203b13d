/* bug: coerce_ratio() returns a new reference, either to a new float or
 * to Py_NotImplemented (Py_NewRef).  ratio_add() then adds one more
 * reference when the result is NotImplemented, as if it had been the
 * borrowed start value: a reference to NotImplemented leaks.  And
 * echo_value() builds its result with a one-unit format, which hands its
 * argument back (Py_None included): when it is None, the new reference
 * is dropped and a fresh one returned instead. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
coerce_ratio(PyObject *obj)
{
    if (!PyFloat_Check(obj))
        return Py_NewRef(Py_NotImplemented);
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(obj) / 2.0);
}

static PyObject *
ratio_add(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;
    if (PyFloat_Check(left))
        result = coerce_ratio(right);   // expected-warning{{ref-leak}}
    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyObject *
echo_value(PyObject *self, PyObject *arg)
{
    PyObject *value = Py_BuildValue("O", arg);   // expected-warning{{ref-leak}}
    if (value == Py_None)
        Py_RETURN_NONE;
    return value;
}

static PyNumberMethods ratio_as_number = {
    .nb_add = ratio_add,
};

static PyMethodDef ratio_methods[] = {
    {"echo_value", echo_value, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Ratio_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ratio.Ratio",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_number = &ratio_as_number,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef ratio_module = {
    PyModuleDef_HEAD_INIT, "ratio", NULL, -1, ratio_methods
};

PyMODINIT_FUNC
PyInit_ratio(void)
{
    if (PyType_Ready(&Ratio_Type) < 0)
        return NULL;
    return PyModule_Create(&ratio_module);
}
