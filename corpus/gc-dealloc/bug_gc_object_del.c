/* gc-dealloc: Group is a GC type, allocated by PyType_GenericAlloc with a
 * GC header in front of the object, but Group_dealloc frees it with
 * PyObject_Del, which knows nothing about that header and hands the
 * allocator the wrong pointer.  A GC object must be freed with
 * Py_TYPE(self)->tp_free or PyObject_GC_Del. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *members;
} GroupObject;

static int
Group_traverse(GroupObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->members);
    return 0;
}

static int
Group_clear(GroupObject *self)
{
    Py_CLEAR(self->members);
    return 0;
}

static void
Group_dealloc(GroupObject *self)
{
    PyObject_GC_UnTrack(self);
    Group_clear(self);
    PyObject_Del(self); // expected-warning{{gc-dealloc}}
}

static PyObject *
Group_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    GroupObject *self = (GroupObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->members = PyList_New(0);
    if (self->members == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *
Group_add(GroupObject *self, PyObject *member)
{
    if (self->members == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "group has been cleared");
        return NULL;
    }
    if (PyList_Append(self->members, member) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef Group_methods[] = {
    {"add", (PyCFunction)Group_add, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Group_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "groupmod.Group",
    .tp_basicsize = sizeof(GroupObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Group_traverse,
    .tp_clear = (inquiry)Group_clear,
    .tp_dealloc = (destructor)Group_dealloc,
    .tp_methods = Group_methods,
    .tp_new = Group_new,
};

static struct PyModuleDef groupmod_module = {
    PyModuleDef_HEAD_INIT, "groupmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_groupmod(void)
{
    if (PyType_Ready(&Group_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&groupmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Group", (PyObject *)&Group_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
