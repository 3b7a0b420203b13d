/* clean: a heap type kept in the module state whose __init__ parses an
 * arbitrary object with "O" and stores it; Entry_spec sets
 * Py_TPFLAGS_HAVE_GC and provides traverse (type and value) and clear. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Entry_Type;
} entryok_state;

typedef struct {
    PyObject_HEAD
    PyObject *value;
} EntryObject;

static int
Entry_traverse(EntryObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->value);
    return 0;
}

static int
Entry_clear(EntryObject *self)
{
    Py_CLEAR(self->value);
    return 0;
}

static void
Entry_dealloc(EntryObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Entry_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static int
Entry_init(EntryObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", NULL};
    PyObject *value;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Entry", kwlist, &value))
        return -1;
    Py_XSETREF(self->value, Py_NewRef(value));
    return 0;
}

static PyObject *
Entry_get(EntryObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->value == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->value);
}

static PyMethodDef Entry_methods[] = {
    {"get", (PyCFunction)Entry_get, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Entry_slots[] = {
    {Py_tp_traverse, Entry_traverse},
    {Py_tp_clear, Entry_clear},
    {Py_tp_dealloc, Entry_dealloc},
    {Py_tp_methods, Entry_methods},
    {Py_tp_init, Entry_init},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Entry_spec = {
    .name = "entryok.Entry",
    .basicsize = sizeof(EntryObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Entry_slots,
};

static int
entryok_traverse(PyObject *m, visitproc visit, void *arg)
{
    entryok_state *st = PyModule_GetState(m);
    Py_VISIT(st->Entry_Type);
    return 0;
}

static int
entryok_clear(PyObject *m)
{
    entryok_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Entry_Type);
    return 0;
}

static void
entryok_free(void *m)
{
    (void)entryok_clear((PyObject *)m);
}

static int
entryok_exec(PyObject *m)
{
    entryok_state *st = PyModule_GetState(m);
    st->Entry_Type = PyType_FromModuleAndSpec(m, &Entry_spec, NULL);
    if (st->Entry_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Entry", st->Entry_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot entryok_slots[] = {
    {Py_mod_exec, entryok_exec},
    {0, NULL}
};

static struct PyModuleDef entryok_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "entryok",
    .m_size = sizeof(entryok_state),
    .m_slots = entryok_slots,
    .m_traverse = entryok_traverse,
    .m_clear = entryok_clear,
    .m_free = entryok_free,
};

PyMODINIT_FUNC
PyInit_entryok(void)
{
    return PyModuleDef_Init(&entryok_module);
}
