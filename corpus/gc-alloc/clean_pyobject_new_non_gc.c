/* clean: Interval is not a GC type (it holds only C doubles), so
 * PyObject_New is the right allocator for it, and its dealloc frees with
 * tp_free without untracking. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double lo;
    double hi;
} IntervalObject;

static void
Interval_dealloc(IntervalObject *self)
{
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Interval_width(IntervalObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyFloat_FromDouble(self->hi - self->lo);
}

static PyMethodDef Interval_methods[] = {
    {"width", (PyCFunction)Interval_width, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Interval_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ivalmod.Interval",
    .tp_basicsize = sizeof(IntervalObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Interval_dealloc,
    .tp_methods = Interval_methods,
};

static PyObject *
interval(PyObject *module, PyObject *args)
{
    double lo, hi;

    if (!PyArg_ParseTuple(args, "dd:interval", &lo, &hi))
        return NULL;
    if (hi < lo) {
        PyErr_SetString(PyExc_ValueError, "hi must not be less than lo");
        return NULL;
    }
    IntervalObject *iv = PyObject_New(IntervalObject, &Interval_Type);
    if (iv == NULL)
        return NULL;
    iv->lo = lo;
    iv->hi = hi;
    return (PyObject *)iv;
}

static PyMethodDef ivalmod_methods[] = {
    {"interval", interval, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ivalmod_module = {
    PyModuleDef_HEAD_INIT, "ivalmod", NULL, -1, ivalmod_methods
};

PyMODINIT_FUNC
PyInit_ivalmod(void)
{
    if (PyType_Ready(&Interval_Type) < 0)
        return NULL;
    return PyModule_Create(&ivalmod_module);
}
