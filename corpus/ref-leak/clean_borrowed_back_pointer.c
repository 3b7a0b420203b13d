/* clean: a Child keeps a plain back-pointer to the Parent that made it
 * (child->parent = parent, no Py_INCREF).  The pointer holds no reference:
 * nothing in this file ever increfs into 'parent' and nothing releases it.
 * The Parent keeps its children alive in a list, and before that list goes
 * away (tp_clear, dealloc) or when a child is closed, the back-pointer is
 * reset to NULL, so a child that outlives its parent never sees a dangling
 * pointer.  Resetting a pointer that holds no reference leaks nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

struct ParentObject;

typedef struct {
    PyObject_HEAD
    struct ParentObject *parent;    /* borrowed; NULL once detached */
    Py_ssize_t index;
} ChildObject;

typedef struct ParentObject {
    PyObject_HEAD
    PyObject *children;             /* list of ChildObject, owned */
} ParentObject;

static PyTypeObject Child_Type;

/* ---- Child ---- */

static void
Child_dealloc(ChildObject *self)
{
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Child_close(ChildObject *self, PyObject *Py_UNUSED(ignored))
{
    self->parent = NULL;
    Py_RETURN_NONE;
}

static PyObject *
Child_get_parent(ChildObject *self, void *Py_UNUSED(closure))
{
    if (self->parent == NULL)
        Py_RETURN_NONE;
    return Py_NewRef((PyObject *)self->parent);
}

static PyObject *
Child_get_index(ChildObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(self->index);
}

static PyMethodDef Child_methods[] = {
    {"close", (PyCFunction)Child_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef Child_getset[] = {
    {"parent", (getter)Child_get_parent, NULL, NULL, NULL},
    {"index", (getter)Child_get_index, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject Child_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "backptr.Child",
    .tp_basicsize = sizeof(ChildObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Child_dealloc,
    .tp_methods = Child_methods,
    .tp_getset = Child_getset,
};

/* ---- Parent ---- */

static void
Parent_detach_children(ParentObject *self)
{
    if (self->children == NULL)
        return;
    Py_ssize_t n = PyList_GET_SIZE(self->children);
    for (Py_ssize_t i = 0; i < n; i++) {
        ChildObject *child = (ChildObject *)PyList_GET_ITEM(self->children, i);
        child->parent = NULL;
    }
}

static int
Parent_traverse(ParentObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->children);
    return 0;
}

static int
Parent_clear(ParentObject *self)
{
    Parent_detach_children(self);
    Py_CLEAR(self->children);
    return 0;
}

static void
Parent_dealloc(ParentObject *self)
{
    PyObject_GC_UnTrack(self);
    Parent_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Parent_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Parent() takes no arguments");
        return NULL;
    }
    ParentObject *self = (ParentObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->children = PyList_New(0);
    if (self->children == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *
Parent_new_child(ParentObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->children == NULL) {
        PyErr_SetString(PyExc_ValueError, "parent is cleared");
        return NULL;
    }
    ChildObject *child = PyObject_New(ChildObject, &Child_Type);
    if (child == NULL)
        return NULL;
    child->parent = self;
    child->index = PyList_GET_SIZE(self->children);
    if (PyList_Append(self->children, (PyObject *)child) < 0) {
        child->parent = NULL;
        Py_DECREF(child);
        return NULL;
    }
    return (PyObject *)child;
}

static PyObject *
Parent_close(ParentObject *self, PyObject *Py_UNUSED(ignored))
{
    Parent_detach_children(self);
    Py_RETURN_NONE;
}

static PyObject *
Parent_count(ParentObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->children == NULL)
        return PyLong_FromLong(0);
    return PyLong_FromSsize_t(PyList_GET_SIZE(self->children));
}

static PyMethodDef Parent_methods[] = {
    {"new_child", (PyCFunction)Parent_new_child, METH_NOARGS, NULL},
    {"close", (PyCFunction)Parent_close, METH_NOARGS, NULL},
    {"count", (PyCFunction)Parent_count, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Parent_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "backptr.Parent",
    .tp_basicsize = sizeof(ParentObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Parent_traverse,
    .tp_clear = (inquiry)Parent_clear,
    .tp_dealloc = (destructor)Parent_dealloc,
    .tp_methods = Parent_methods,
    .tp_new = Parent_new,
};

static struct PyModuleDef backptr_module = {
    PyModuleDef_HEAD_INIT, "backptr", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_backptr(void)
{
    if (PyType_Ready(&Child_Type) < 0 || PyType_Ready(&Parent_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&backptr_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Parent", (PyObject *)&Parent_Type) < 0
        || PyModule_AddObjectRef(m, "Child", (PyObject *)&Child_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
