/* gc-traverse-incomplete: Slot is a heap type (PyType_FromSpec), and every
 * instance of a heap type owns a strong reference to its type.  Since
 * Python 3.9 the traverse function of such a type must visit it with
 * Py_VISIT(Py_TYPE(self)); Slot_traverse visits the members but not the
 * type, so a cycle through the type object (Slot.default = Slot(): type
 * -> type dict -> instance -> type) can never be collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;
} SlotObject;

static PyObject *Slot_Type;

static int
Slot_traverse(SlotObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
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
    .name = "slotmod.Slot",
    .basicsize = sizeof(SlotObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Slot_slots,
};

static struct PyModuleDef slotmod_module = {
    PyModuleDef_HEAD_INIT, "slotmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_slotmod(void)
{
    PyObject *m = PyModule_Create(&slotmod_module);
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
