/* clean: Tree_traverse visits 'label' itself and hands the two children to
 * a helper of the same file, Tree_visit_children, which visits them; every
 * owned member is visited.  Tree_clear likewise releases all three. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *label;
    PyObject *left;
    PyObject *right;
} TreeObject;

static int
Tree_visit_children(TreeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->left);
    Py_VISIT(self->right);
    return 0;
}

static int
Tree_traverse(TreeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->label);
    return Tree_visit_children(self, visit, arg);
}

static int
Tree_clear(TreeObject *self)
{
    Py_CLEAR(self->label);
    Py_CLEAR(self->left);
    Py_CLEAR(self->right);
    return 0;
}

static void
Tree_dealloc(TreeObject *self)
{
    PyObject_GC_UnTrack(self);
    Tree_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Tree_init(TreeObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"label", "left", "right", NULL};
    PyObject *label, *left = Py_None, *right = Py_None;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:Tree", kwlist,
                                     &label, &left, &right))
        return -1;
    Py_XSETREF(self->label, Py_NewRef(label));
    Py_XSETREF(self->left, Py_NewRef(left));
    Py_XSETREF(self->right, Py_NewRef(right));
    return 0;
}

static PyObject *
Tree_children(TreeObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->left == NULL || self->right == NULL) {
        PyErr_SetString(PyExc_ValueError, "tree is not initialised");
        return NULL;
    }
    return PyTuple_Pack(2, self->left, self->right);
}

static PyMethodDef Tree_methods[] = {
    {"children", (PyCFunction)Tree_children, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Tree_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "treemod.Tree",
    .tp_basicsize = sizeof(TreeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Tree_traverse,
    .tp_clear = (inquiry)Tree_clear,
    .tp_dealloc = (destructor)Tree_dealloc,
    .tp_methods = Tree_methods,
    .tp_init = (initproc)Tree_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef treemod_module = {
    PyModuleDef_HEAD_INIT, "treemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_treemod(void)
{
    if (PyType_Ready(&Tree_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&treemod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Tree", (PyObject *)&Tree_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
