/* gc-traverse-incomplete: an old-style positional PyTypeObject initialiser.
 * Cell_traverse visits 'owner' but not 'contents', although Cell.set()
 * stores an arbitrary argument there; a cell that (indirectly) contains
 * itself is never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *contents;
    PyObject *owner;
} CellObject;

static int
Cell_traverse(CellObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
    Py_VISIT(self->owner);
    return 0;
}

static int
Cell_clear(CellObject *self)
{
    Py_CLEAR(self->contents);
    Py_CLEAR(self->owner);
    return 0;
}

static void
Cell_dealloc(CellObject *self)
{
    PyObject_GC_UnTrack(self);
    Cell_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Cell_init(CellObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"owner", NULL};
    PyObject *owner;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Cell", kwlist, &owner))
        return -1;
    Py_XSETREF(self->owner, Py_NewRef(owner));
    return 0;
}

static PyObject *
Cell_set(CellObject *self, PyObject *value)
{
    Py_XSETREF(self->contents, Py_NewRef(value));
    Py_RETURN_NONE;
}

static PyObject *
Cell_get(CellObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->contents == NULL) {
        PyErr_SetString(PyExc_ValueError, "cell is empty");
        return NULL;
    }
    return Py_NewRef(self->contents);
}

static PyMethodDef Cell_methods[] = {
    {"set", (PyCFunction)Cell_set, METH_O, NULL},
    {"get", (PyCFunction)Cell_get, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Cell_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "cellmod.Cell",                             /* tp_name */
    sizeof(CellObject),                         /* tp_basicsize */
    0,                                          /* tp_itemsize */
    (destructor)Cell_dealloc,                   /* tp_dealloc */
    0,                                          /* tp_vectorcall_offset */
    0,                                          /* tp_getattr */
    0,                                          /* tp_setattr */
    0,                                          /* tp_as_async */
    0,                                          /* tp_repr */
    0,                                          /* tp_as_number */
    0,                                          /* tp_as_sequence */
    0,                                          /* tp_as_mapping */
    0,                                          /* tp_hash */
    0,                                          /* tp_call */
    0,                                          /* tp_str */
    0,                                          /* tp_getattro */
    0,                                          /* tp_setattro */
    0,                                          /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,    /* tp_flags */
    "A mutable cell with an owner.",            /* tp_doc */
    (traverseproc)Cell_traverse,                /* tp_traverse */
    (inquiry)Cell_clear,                        /* tp_clear */
    0,                                          /* tp_richcompare */
    0,                                          /* tp_weaklistoffset */
    0,                                          /* tp_iter */
    0,                                          /* tp_iternext */
    Cell_methods,                               /* tp_methods */
    0,                                          /* tp_members */
    0,                                          /* tp_getset */
    0,                                          /* tp_base */
    0,                                          /* tp_dict */
    0,                                          /* tp_descr_get */
    0,                                          /* tp_descr_set */
    0,                                          /* tp_dictoffset */
    (initproc)Cell_init,                        /* tp_init */
    0,                                          /* tp_alloc */
    PyType_GenericNew,                          /* tp_new */
};

static struct PyModuleDef cellmod_module = {
    PyModuleDef_HEAD_INIT, "cellmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_cellmod(void)
{
    if (PyType_Ready(&Cell_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&cellmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Cell", (PyObject *)&Cell_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
