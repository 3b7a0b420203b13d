/* clean: a method returns the instance's attribute with Py_NewRef, and a
 * setter replaces it with Py_SETREF after taking a reference. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;     /* owned; NULL until __init__ runs */
} NodeObject;

static int
Node_init(NodeObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U", kwlist, &name))
        return -1;
    Py_INCREF(name);
    Py_XSETREF(self->name, name);
    return 0;
}

static void
Node_dealloc(NodeObject *self)
{
    Py_XDECREF(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Node_get_name(NodeObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->name == NULL) {
        PyErr_SetString(PyExc_AttributeError, "name");
        return NULL;
    }
    return Py_NewRef(self->name);
}

static PyObject *
Node_rename(NodeObject *self, PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "name must be str");
        return NULL;
    }
    Py_XSETREF(self->name, Py_NewRef(name));
    Py_RETURN_NONE;
}

static PyMethodDef Node_methods[] = {
    {"get_name", (PyCFunction)Node_get_name, METH_NOARGS, NULL},
    {"rename", (PyCFunction)Node_rename, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nodes.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Node_methods,
    .tp_init = (initproc)Node_init,
    .tp_new = PyType_GenericNew,
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
