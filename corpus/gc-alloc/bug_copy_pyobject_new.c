/* gc-alloc: Stack.copy() creates the new Stack with
 * PyObject_New(StackObject, &Stack_Type), although Stack_Type is a GC
 * type; the copy has no GC header, so Stack_dealloc's untrack and
 * tp_free (PyObject_GC_Del) act on memory outside the allocation. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *items;
} StackObject;

static PyTypeObject Stack_Type;

static int
Stack_traverse(StackObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->items);
    return 0;
}

static int
Stack_clear(StackObject *self)
{
    Py_CLEAR(self->items);
    return 0;
}

static void
Stack_dealloc(StackObject *self)
{
    PyObject_GC_UnTrack(self);
    Stack_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Stack_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Stack() takes no arguments");
        return NULL;
    }
    StackObject *self = (StackObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->items = PyList_New(0);
    if (self->items == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *
Stack_push(StackObject *self, PyObject *item)
{
    if (self->items == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "stack has been cleared");
        return NULL;
    }
    if (PyList_Append(self->items, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
Stack_copy(StackObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->items == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "stack has been cleared");
        return NULL;
    }
    PyObject *items = PyList_GetSlice(self->items, 0, PyList_GET_SIZE(self->items));
    if (items == NULL)
        return NULL;
    StackObject *copy = PyObject_New(StackObject, &Stack_Type); // expected-warning{{gc-alloc}}
    if (copy == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    copy->items = items;
    return (PyObject *)copy;
}

static PyMethodDef Stack_methods[] = {
    {"push", (PyCFunction)Stack_push, METH_O, NULL},
    {"copy", (PyCFunction)Stack_copy, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Stack_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "stackmod.Stack",
    .tp_basicsize = sizeof(StackObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Stack_traverse,
    .tp_clear = (inquiry)Stack_clear,
    .tp_dealloc = (destructor)Stack_dealloc,
    .tp_methods = Stack_methods,
    .tp_new = Stack_new,
};

static struct PyModuleDef stackmod_module = {
    PyModuleDef_HEAD_INIT, "stackmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_stackmod(void)
{
    if (PyType_Ready(&Stack_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&stackmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Stack", (PyObject *)&Stack_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
