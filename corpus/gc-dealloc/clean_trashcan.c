/* clean: Chain objects can nest arbitrarily deep, so Chain_dealloc uses
 * the trashcan to bound recursion.  As the CPython documentation requires,
 * PyObject_GC_UnTrack comes before Py_TRASHCAN_BEGIN, and the member
 * releases and tp_free happen inside the trashcan block. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;
    PyObject *next;
} ChainObject;

static int
Chain_traverse(ChainObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    Py_VISIT(self->next);
    return 0;
}

static int
Chain_clear(ChainObject *self)
{
    Py_CLEAR(self->value);
    Py_CLEAR(self->next);
    return 0;
}

static void
Chain_dealloc(ChainObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, Chain_dealloc)
    Py_CLEAR(self->value);
    Py_CLEAR(self->next);
    Py_TYPE(self)->tp_free((PyObject *)self);
    Py_TRASHCAN_END
}

static int
Chain_init(ChainObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "next", NULL};
    PyObject *value, *next = Py_None;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:Chain", kwlist, &value, &next))
        return -1;
    Py_XSETREF(self->value, Py_NewRef(value));
    Py_XSETREF(self->next, Py_NewRef(next));
    return 0;
}

static PyTypeObject Chain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "chainmod.Chain",
    .tp_basicsize = sizeof(ChainObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Chain_traverse,
    .tp_clear = (inquiry)Chain_clear,
    .tp_dealloc = (destructor)Chain_dealloc,
    .tp_init = (initproc)Chain_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef chainmod_module = {
    PyModuleDef_HEAD_INIT, "chainmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_chainmod(void)
{
    if (PyType_Ready(&Chain_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&chainmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Chain", (PyObject *)&Chain_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
