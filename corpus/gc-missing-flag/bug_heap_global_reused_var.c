/* gc-missing-flag: the module makes both its heap types through one
 * variable 'o' (o = PyType_FromSpec(&Plain_spec) ... o =
 * PyType_FromSpec(&Wrap_spec)), storing each into its global only after
 * adding it to the module.  Both types share one instance struct; Plain
 * is a GC type that visits 'inner'.  Wrap objects keep the object their
 * caller passes, but Wrap_spec has no Py_TPFLAGS_HAVE_GC.  Which spec the global
 * Wrap_Type is made from is not known for sure here, so the store into a
 * new Wrap object must still count for Wrap. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *Plain_Type;
static PyObject *Wrap_Type;

typedef struct {
    PyObject_HEAD
    PyObject *inner;
} WrapObject;

static PyObject *
wrap(PyObject *module, PyObject *inner)
{
    WrapObject *w = PyObject_New(WrapObject, (PyTypeObject *)Wrap_Type);
    if (w == NULL)
        return NULL;
    Py_INCREF(inner);
    w->inner = inner;
    return (PyObject *)w;
}

static int
Plain_traverse(WrapObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->inner);
    return 0;
}

static int
Plain_clear(WrapObject *self)
{
    Py_CLEAR(self->inner);
    return 0;
}

static void
Plain_dealloc(WrapObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Plain_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static void
Wrap_dealloc(WrapObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(self->inner);
    PyObject_Free(self);
    Py_DECREF(tp);
}

static PyType_Slot Plain_slots[] = {
    {Py_tp_traverse, Plain_traverse},
    {Py_tp_clear, Plain_clear},
    {Py_tp_dealloc, Plain_dealloc},
    {0, NULL}
};

static PyType_Spec Plain_spec = {
    .name = "wraps.Plain",
    .basicsize = sizeof(WrapObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Plain_slots,
};

static PyType_Slot Wrap_slots[] = {
    {Py_tp_dealloc, Wrap_dealloc},
    {0, NULL}
};

static PyType_Spec Wrap_spec = { // expected-warning{{gc-missing-flag}}
    .name = "wraps.Wrap",
    .basicsize = sizeof(WrapObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Wrap_slots,
};

static PyMethodDef wraps_methods[] = {
    {"wrap", wrap, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef wraps_module = {
    PyModuleDef_HEAD_INIT, "wraps", NULL, -1, wraps_methods
};

PyMODINIT_FUNC
PyInit_wraps(void)
{
    PyObject *m = PyModule_Create(&wraps_module);
    if (m == NULL)
        return NULL;
    PyObject *o = PyType_FromSpec(&Plain_spec);
    if (o == NULL)
        goto fail;
    if (PyModule_AddObjectRef(m, "Plain", o) < 0) {
        Py_DECREF(o);
        goto fail;
    }
    Plain_Type = o;
    o = PyType_FromSpec(&Wrap_spec);
    if (o == NULL)
        goto fail;
    if (PyModule_AddObjectRef(m, "Wrap", o) < 0) {
        Py_DECREF(o);
        goto fail;
    }
    Wrap_Type = o;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
