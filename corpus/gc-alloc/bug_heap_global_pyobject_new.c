/* gc-alloc: Item is a GC heap type (its spec sets Py_TPFLAGS_HAVE_GC; the
 * type object is kept in the static global Item_Type), but make_item()
 * allocates instances with PyObject_New, which leaves out the GC header
 * that tp_free (PyObject_GC_Del) and PyObject_GC_UnTrack expect. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *payload;
} ItemObject;

static PyObject *Item_Type;

static int
Item_traverse(ItemObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->payload);
    return 0;
}

static int
Item_clear(ItemObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static void
Item_dealloc(ItemObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Item_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyType_Slot Item_slots[] = {
    {Py_tp_traverse, Item_traverse},
    {Py_tp_clear, Item_clear},
    {Py_tp_dealloc, Item_dealloc},
    {0, NULL}
};

static PyType_Spec Item_spec = {
    .name = "itemnew.Item",
    .basicsize = sizeof(ItemObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = Item_slots,
};

static PyObject *
make_item(PyObject *module, PyObject *payload)
{
    ItemObject *item = PyObject_New(ItemObject, (PyTypeObject *)Item_Type); // expected-warning{{gc-alloc}}
    if (item == NULL)
        return NULL;
    item->payload = Py_NewRef(payload);
    return (PyObject *)item;
}

static PyMethodDef itemnew_methods[] = {
    {"make_item", make_item, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef itemnew_module = {
    PyModuleDef_HEAD_INIT, "itemnew", NULL, -1, itemnew_methods
};

PyMODINIT_FUNC
PyInit_itemnew(void)
{
    PyObject *m = PyModule_Create(&itemnew_module);
    if (m == NULL)
        return NULL;
    Item_Type = PyType_FromSpec(&Item_spec);
    if (Item_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Item", Item_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
