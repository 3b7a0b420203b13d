/* clean: a heap type (PyType_FromSpec, kept in a static global) whose
 * traverse visits its type with Py_VISIT(Py_TYPE(self)) as well as its
 * member, and whose dealloc releases the type after tp_free. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;
} SlotObject;

static PyObject *Slot_Type;

static int
Slot_traverse(SlotObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->value);
    return 0;
}

static int
Slot_clear(SlotObject *self)
{
    Py_CLEAR(self->value);
    return 0;
}

static void
Slot_dealloc(SlotObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Slot_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Slot_get(SlotObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->value == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->value);
}

static PyObject *
Slot_put(SlotObject *self, PyObject *value)
{
    Py_XSETREF(self->value, Py_NewRef(value));
    Py_RETURN_NONE;
}

static PyMethodDef Slot_methods[] = {
    {"get", (PyCFunction)Slot_get, METH_NOARGS, NULL},
    {"put", (PyCFunction)Slot_put, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Slot_slots[] = {
    {Py_tp_traverse, Slot_traverse},
    {Py_tp_clear, Slot_clear},
    {Py_tp_dealloc, Slot_dealloc},
    {Py_tp_methods, Slot_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Slot_spec = {
    .name = "slotok.Slot",
    .basicsize = sizeof(SlotObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Slot_slots,
};

static struct PyModuleDef slotok_module = {
    PyModuleDef_HEAD_INIT, "slotok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_slotok(void)
{
    PyObject *m = PyModule_Create(&slotok_module);
    if (m == NULL)
        return NULL;
    Slot_Type = PyType_FromSpec(&Slot_spec);
    if (Slot_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Slot", Slot_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
