/* clean: new_shelf() sets every object member of the fresh Shelf to NULL
 * right after PyObject_GC_New, then starts tracking it, and only then
 * creates the members.  A collection triggered by those allocations runs
 * Shelf_traverse on NULL or fully built members (Py_VISIT skips NULL), so
 * tracking before the members are filled in is safe here. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *label;
    PyObject *items;
    PyObject *index;
} ShelfObject;

static int
Shelf_traverse(ShelfObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->label);
    Py_VISIT(self->items);
    Py_VISIT(self->index);
    return 0;
}

static int
Shelf_clear(ShelfObject *self)
{
    Py_CLEAR(self->label);
    Py_CLEAR(self->items);
    Py_CLEAR(self->index);
    return 0;
}

static void
Shelf_dealloc(ShelfObject *self)
{
    PyObject_GC_UnTrack(self);
    Shelf_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Shelf_put(ShelfObject *self, PyObject *args)
{
    PyObject *key, *item;
    if (!PyArg_ParseTuple(args, "OO", &key, &item))
        return NULL;
    if (self->items == NULL || self->index == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "shelf has been cleared");
        return NULL;
    }
    if (PyDict_SetItem(self->index, key, item) < 0)
        return NULL;
    if (PyList_Append(self->items, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef Shelf_methods[] = {
    {"put", (PyCFunction)Shelf_put, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Shelf_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "shelves.Shelf",
    .tp_basicsize = sizeof(ShelfObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Shelf_traverse,
    .tp_clear = (inquiry)Shelf_clear,
    .tp_dealloc = (destructor)Shelf_dealloc,
    .tp_methods = Shelf_methods,
};

static PyObject *
new_shelf(PyObject *module, PyObject *args)
{
    const char *label;
    if (!PyArg_ParseTuple(args, "s", &label))
        return NULL;
    ShelfObject *self = PyObject_GC_New(ShelfObject, &Shelf_Type);
    if (self == NULL)
        return NULL;
    self->label = NULL;
    self->items = NULL;
    self->index = NULL;
    PyObject_GC_Track(self);

    self->label = PyUnicode_FromString(label);
    if (self->label == NULL)
        goto fail;
    self->items = PyList_New(0);
    if (self->items == NULL)
        goto fail;
    self->index = PyDict_New();
    if (self->index == NULL)
        goto fail;
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static PyMethodDef shelves_methods[] = {
    {"new_shelf", new_shelf, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef shelves_module = {
    PyModuleDef_HEAD_INIT, "shelves", NULL, -1, shelves_methods
};

PyMODINIT_FUNC
PyInit_shelves(void)
{
    if (PyType_Ready(&Shelf_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&shelves_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Shelf", (PyObject *)&Shelf_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
