/* gc-traverse-incomplete: 'next' is a pointer to another Node object and
 * Node.link() stores a node into it, so it is an owned reference like any
 * PyObject * member.  Node_traverse visits 'value' only; a ring of nodes
 * (a.link(b); b.link(a)) is never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct NodeObject {
    PyObject_HEAD
    PyObject *value;
    struct NodeObject *next;
} NodeObject;

static PyTypeObject Node_Type;

static int
Node_traverse(NodeObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
    Py_VISIT(self->value);
    return 0;
}

static int
Node_clear(NodeObject *self)
{
    Py_CLEAR(self->value);
    Py_CLEAR(self->next);
    return 0;
}

static void
Node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Node_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Node_init(NodeObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", NULL};
    PyObject *value;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Node", kwlist, &value))
        return -1;
    Py_XSETREF(self->value, Py_NewRef(value));
    return 0;
}

static PyObject *
Node_link(NodeObject *self, PyObject *other)
{
    if (!PyObject_TypeCheck(other, &Node_Type)) {
        PyErr_SetString(PyExc_TypeError, "link() expects a Node");
        return NULL;
    }
    NodeObject *old = self->next;
    Py_INCREF(other);
    self->next = (NodeObject *)other;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Node_get_next(NodeObject *self, void *Py_UNUSED(closure))
{
    if (self->next == NULL)
        Py_RETURN_NONE;
    return Py_NewRef((PyObject *)self->next);
}

static PyMethodDef Node_methods[] = {
    {"link", (PyCFunction)Node_link, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef Node_getset[] = {
    {"next", (getter)Node_get_next, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nodemod.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_clear = (inquiry)Node_clear,
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_methods = Node_methods,
    .tp_getset = Node_getset,
    .tp_init = (initproc)Node_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef nodemod_module = {
    PyModuleDef_HEAD_INIT, "nodemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_nodemod(void)
{
    if (PyType_Ready(&Node_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&nodemod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Node", (PyObject *)&Node_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
