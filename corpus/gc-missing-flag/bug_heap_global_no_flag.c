/* gc-missing-flag: a heap type (PyType_FromSpec, kept in a static global)
 * whose put() method stores an arbitrary argument into self->item, but
 * whose spec does not set Py_TPFLAGS_HAVE_GC or provide Py_tp_traverse.
 * Cycles through 'item' are never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *item;
} HolderObject;

static PyObject *Holder_Type;

static void
Holder_dealloc(HolderObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(self->item);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Holder_put(HolderObject *self, PyObject *item)
{
    PyObject *old = self->item;
    Py_INCREF(item);
    self->item = item;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Holder_get(HolderObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->item == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->item);
}

static PyMethodDef Holder_methods[] = {
    {"put", (PyCFunction)Holder_put, METH_O, NULL},
    {"get", (PyCFunction)Holder_get, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Holder_slots[] = {
    {Py_tp_dealloc, Holder_dealloc},
    {Py_tp_methods, Holder_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Holder_spec = { // expected-warning{{gc-missing-flag}}
    .name = "holdmod.Holder",
    .basicsize = sizeof(HolderObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Holder_slots,
};

static struct PyModuleDef holdmod_module = {
    PyModuleDef_HEAD_INIT, "holdmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_holdmod(void)
{
    PyObject *m = PyModule_Create(&holdmod_module);
    if (m == NULL)
        return NULL;
    Holder_Type = PyType_FromSpec(&Holder_spec);
    if (Holder_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Holder", Holder_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
