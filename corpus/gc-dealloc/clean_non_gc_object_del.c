/* clean: Range is not a GC type (it holds only C integers) and its
 * instances are allocated with PyObject_New by the module's span()
 * function, so freeing them with PyObject_Del in tp_dealloc is right; the
 * GC-specific free rules do not apply to it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t start;
    Py_ssize_t stop;
} RangeObject;

static void
Range_dealloc(RangeObject *self)
{
    PyObject_Del(self);
}

static Py_ssize_t
Range_length(RangeObject *self)
{
    return self->stop > self->start ? self->stop - self->start : 0;
}

static PySequenceMethods Range_as_sequence = {
    .sq_length = (lenfunc)Range_length,
};

static PyTypeObject Range_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "rangedel.Range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Range_dealloc,
    .tp_as_sequence = &Range_as_sequence,
};

static PyObject *
span(PyObject *module, PyObject *args)
{
    Py_ssize_t start, stop;

    if (!PyArg_ParseTuple(args, "nn:span", &start, &stop))
        return NULL;
    if (start < 0 || stop < 0) {
        PyErr_SetString(PyExc_ValueError, "bounds must be >= 0");
        return NULL;
    }
    RangeObject *r = PyObject_New(RangeObject, &Range_Type);
    if (r == NULL)
        return NULL;
    r->start = start;
    r->stop = stop;
    return (PyObject *)r;
}

static PyMethodDef rangedel_methods[] = {
    {"span", span, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef rangedel_module = {
    PyModuleDef_HEAD_INIT, "rangedel", NULL, -1, rangedel_methods
};

PyMODINIT_FUNC
PyInit_rangedel(void)
{
    if (PyType_Ready(&Range_Type) < 0)
        return NULL;
    return PyModule_Create(&rangedel_module);
}
