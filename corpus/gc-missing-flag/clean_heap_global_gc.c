/* clean: a heap type (PyType_FromSpec, static global) that stores an
 * arbitrary argument in self->item and is a proper GC type: the spec sets
 * Py_TPFLAGS_HAVE_GC, and the traverse slot visits the type and the item. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *item;
} HolderObject;

static PyObject *Holder_Type;

static int
Holder_traverse(HolderObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->item);
    return 0;
}

static int
Holder_clear(HolderObject *self)
{
    Py_CLEAR(self->item);
    return 0;
}

static void
Holder_dealloc(HolderObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Holder_clear(self);
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
    {Py_tp_traverse, Holder_traverse},
    {Py_tp_clear, Holder_clear},
    {Py_tp_dealloc, Holder_dealloc},
    {Py_tp_methods, Holder_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Holder_spec = {
    .name = "holdok.Holder",
    .basicsize = sizeof(HolderObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Holder_slots,
};

static struct PyModuleDef holdok_module = {
    PyModuleDef_HEAD_INIT, "holdok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_holdok(void)
{
    PyObject *m = PyModule_Create(&holdok_module);
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
