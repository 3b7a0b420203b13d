/* gc-missing-flag: Bag_spec sets Py_TPFLAGS_HAVE_GC and a Py_tp_clear
 * slot but no Py_tp_traverse slot, while Bag.add() keeps an arbitrary
 * argument in self->last.  Without a traverse function the collector sees
 * neither that reference nor the one every heap-type instance holds to its
 * type, so cycles through them are never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *last;
} BagObject;

static PyObject *Bag_Type;

static int
Bag_clear(BagObject *self)
{
    Py_CLEAR(self->last);
    return 0;
}

static void
Bag_dealloc(BagObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Bag_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Bag_add(BagObject *self, PyObject *item)
{
    Py_XSETREF(self->last, Py_NewRef(item));
    Py_RETURN_NONE;
}

static PyMethodDef Bag_methods[] = {
    {"add", (PyCFunction)Bag_add, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Bag_slots[] = {
    {Py_tp_clear, Bag_clear},
    {Py_tp_dealloc, Bag_dealloc},
    {Py_tp_methods, Bag_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Bag_spec = { // expected-warning{{gc-missing-flag}}
    .name = "bagmod.Bag",
    .basicsize = sizeof(BagObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Bag_slots,
};

static struct PyModuleDef bagmod_module = {
    PyModuleDef_HEAD_INIT, "bagmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_bagmod(void)
{
    PyObject *m = PyModule_Create(&bagmod_module);
    if (m == NULL)
        return NULL;
    Bag_Type = PyType_FromSpec(&Bag_spec);
    if (Bag_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Bag", Bag_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
