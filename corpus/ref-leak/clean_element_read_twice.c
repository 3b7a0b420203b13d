/* clean: the same element of memory read twice, with nothing written in
 * between, is the same object: the reference added through args[i] is
 * the one PyTuple_SET_ITEM takes, the one added through *slot is the one
 * returned, and the one added through self->cells[i] is handed to the
 * object by storing it into self->cells[i + 2]. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *cells[4];
} PairObject;

static PyObject *
pack_args(PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(tuple, i, args[i]);
    }
    return tuple;
}

static PyObject *
Pair_pack(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    return pack_args(args, nargs);
}

static PyObject *
cached_value(void *data)
{
    PyObject **slot = data;
    Py_XINCREF(*slot);
    return *slot;
}

static PyObject *
Pair_first(PairObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *v = cached_value(&self->cells[0]);
    if (v == NULL)
        Py_RETURN_NONE;
    return v;
}

static PyObject *
Pair_mirror(PairObject *self, PyObject *unused)
{
    (void)unused;
    for (int i = 0; i < 2; i++) {
        if (self->cells[i] != NULL && self->cells[i + 2] == NULL) {
            Py_INCREF(self->cells[i]);
            self->cells[i + 2] = self->cells[i];
        }
    }
    Py_INCREF(self);
    return (PyObject *)self;
}

static PyMethodDef Pair_methods[] = {
    {"pack", (PyCFunction)(void (*)(void))Pair_pack, METH_FASTCALL, NULL},
    {"first", (PyCFunction)Pair_first, METH_NOARGS, NULL},
    {"mirror", (PyCFunction)Pair_mirror, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Pair_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pair.Pair",
    .tp_basicsize = sizeof(PairObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Pair_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef pair_module = {
    PyModuleDef_HEAD_INIT, "pair", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_pair(void)
{
    if (PyType_Ready(&Pair_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pair_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Pair", (PyObject *)&Pair_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
