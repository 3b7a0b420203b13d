/* clean: new references stored into fields of the object ('self->name',
 * 'self->tags') are owned by the object, not leaked. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *tags;
} NodeObject;

static PyObject *
Node_rename(NodeObject *self, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    PyObject *new_name = PyUnicode_FromString(name);
    if (new_name == NULL)
        return NULL;
    PyObject *old = self->name;
    self->name = new_name;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Node_reset_tags(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *tags = PyList_New(0);
    if (tags == NULL)
        return NULL;
    Py_XDECREF(self->tags);
    self->tags = tags;
    Py_RETURN_NONE;
}

static PyMethodDef Node_methods[] = {
    {"rename", (PyCFunction)Node_rename, METH_VARARGS, NULL},
    {"reset_tags", (PyCFunction)Node_reset_tags, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "node.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_methods = Node_methods,
};

static struct PyModuleDef node_module = {
    PyModuleDef_HEAD_INIT, "node", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_node(void)
{
    if (PyType_Ready(&NodeType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&node_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &NodeType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
