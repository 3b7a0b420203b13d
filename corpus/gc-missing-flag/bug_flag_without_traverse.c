/* gc-missing-flag: Slot_Type sets Py_TPFLAGS_HAVE_GC and has a tp_clear,
 * but no tp_traverse.  The collector learns an object's references only
 * through tp_traverse, so the arbitrary object Slot.__init__ stores in
 * self->obj stays invisible to it (and a tracked object whose traverse
 * slot is NULL is not even safe to examine): the flag alone is not GC
 * support. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *obj;
} SlotObject;

static int
Slot_clear(SlotObject *self)
{
    Py_CLEAR(self->obj);
    return 0;
}

static void
Slot_dealloc(SlotObject *self)
{
    PyObject_GC_UnTrack(self);
    Slot_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Slot_init(SlotObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", NULL};
    PyObject *obj;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Slot", kwlist, &obj))
        return -1;
    Py_XSETREF(self->obj, Py_NewRef(obj));
    return 0;
}

static PyTypeObject Slot_Type = { // expected-warning{{gc-missing-flag}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "slotgc.Slot",
    .tp_basicsize = sizeof(SlotObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_clear = (inquiry)Slot_clear,
    .tp_dealloc = (destructor)Slot_dealloc,
    .tp_init = (initproc)Slot_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef slotgc_module = {
    PyModuleDef_HEAD_INIT, "slotgc", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_slotgc(void)
{
    if (PyType_Ready(&Slot_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&slotgc_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Slot", (PyObject *)&Slot_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
