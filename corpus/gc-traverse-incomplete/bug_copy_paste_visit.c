/* gc-traverse-incomplete: a copy-and-paste slip; Link_traverse visits
 * 'head' twice and never visits 'tail'.  Link.__init__ stores arbitrary
 * objects in both, so a cycle through 'tail' is never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *head;
    PyObject *tail;
} LinkObject;

static int
Link_traverse(LinkObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
    Py_VISIT(self->head);
    Py_VISIT(self->head);
    return 0;
}

static int
Link_clear(LinkObject *self)
{
    Py_CLEAR(self->head);
    Py_CLEAR(self->tail);
    return 0;
}

static void
Link_dealloc(LinkObject *self)
{
    PyObject_GC_UnTrack(self);
    Link_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Link_init(LinkObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"head", "tail", NULL};
    PyObject *head, *tail = Py_None;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:Link", kwlist, &head, &tail))
        return -1;
    Py_XSETREF(self->head, Py_NewRef(head));
    Py_XSETREF(self->tail, Py_NewRef(tail));
    return 0;
}

static PyObject *
Link_astuple(LinkObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->head == NULL || self->tail == NULL) {
        PyErr_SetString(PyExc_ValueError, "link is not initialised");
        return NULL;
    }
    return PyTuple_Pack(2, self->head, self->tail);
}

static PyMethodDef Link_methods[] = {
    {"astuple", (PyCFunction)Link_astuple, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "linkmod.Link",
    .tp_basicsize = sizeof(LinkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Link_traverse,
    .tp_clear = (inquiry)Link_clear,
    .tp_dealloc = (destructor)Link_dealloc,
    .tp_methods = Link_methods,
    .tp_init = (initproc)Link_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef linkmod_module = {
    PyModuleDef_HEAD_INIT, "linkmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_linkmod(void)
{
    if (PyType_Ready(&Link_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&linkmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Link", (PyObject *)&Link_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
