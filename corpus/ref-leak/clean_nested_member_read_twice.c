/* clean: node_child() adds a reference to self->kids->items[i] and
 * returns self->kids->items[i]: the same member of the same object, read
 * twice with nothing stored in between, so the reference it returns is the
 * one it added, and its caller passes that new reference on. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    Py_ssize_t count;
    PyObject **items;
} kid_array;

typedef struct {
    PyObject_HEAD
    kid_array *kids;
} NodeObject;

static PyObject *
node_child(NodeObject *self, Py_ssize_t i)
{
    if (self->kids == NULL || i < 0 || i >= self->kids->count) {
        PyErr_SetString(PyExc_IndexError, "child index out of range");
        return NULL;
    }
    Py_INCREF(self->kids->items[i]);
    return self->kids->items[i];
}

static PyObject *
Node_item(PyObject *self, Py_ssize_t i)
{
    return node_child((NodeObject *)self, i);
}

static PySequenceMethods Node_as_sequence = {
    .sq_item = Node_item,
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nodes.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_sequence = &Node_as_sequence,
};

static struct PyModuleDef nodes_module = {
    PyModuleDef_HEAD_INIT, "nodes", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_nodes(void)
{
    if (PyType_Ready(&NodeType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&nodes_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Node", (PyObject *)&NodeType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
