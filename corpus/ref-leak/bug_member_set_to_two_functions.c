/* ref-leak: a member called through is set to two different functions,
 * one that raises and one that makes a new object, so a call through it
 * may return a new reference.  Dropping that result leaks it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    int strict;
    PyObject *(*on_missing)(void);
} LookupObject;

static PyObject *
raise_missing(void)
{
    PyErr_SetString(PyExc_KeyError, "missing");
    return NULL;
}

static PyObject *
make_placeholder(void)
{
    return PyList_New(0);
}

static PyObject *
lookup_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)kwds;
    int strict = 0;
    if (!PyArg_ParseTuple(args, "|p", &strict))
        return NULL;
    LookupObject *self = (LookupObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->strict = strict;
    if (strict)
        self->on_missing = raise_missing;
    else
        self->on_missing = make_placeholder;
    return (PyObject *)self;
}

static PyObject *
lookup_probe(PyObject *op, PyObject *unused)
{
    LookupObject *self = (LookupObject *)op;
    (void)unused;
    if (self->on_missing() == NULL) // expected-warning{{ref-leak}}
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef lookup_methods[] = {
    {"probe", lookup_probe, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Lookup_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "lookups.Lookup",
    .tp_basicsize = sizeof(LookupObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = lookup_methods,
    .tp_new = lookup_new,
};

static struct PyModuleDef lookups_module = {
    PyModuleDef_HEAD_INIT, "lookups", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_lookups(void)
{
    if (PyType_Ready(&Lookup_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&lookups_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Lookup", (PyObject *)&Lookup_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
