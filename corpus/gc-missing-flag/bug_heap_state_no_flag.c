/* gc-missing-flag: Entry is a heap type kept in the module state.  Its
 * __init__ parses an arbitrary object with PyArg_ParseTupleAndKeywords "O"
 * and stores it in self->value, but Entry_spec lacks Py_TPFLAGS_HAVE_GC
 * and a traverse slot, so an entry whose value refers back to it leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Entry_Type;
} entrymod_state;

typedef struct {
    PyObject_HEAD
    PyObject *value;
} EntryObject;

static void
Entry_dealloc(EntryObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(self->value);
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
    {Py_tp_dealloc, Entry_dealloc},
    {Py_tp_methods, Entry_methods},
    {Py_tp_init, Entry_init},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Entry_spec = { // expected-warning{{gc-missing-flag}}
    .name = "entrymod.Entry",
    .basicsize = sizeof(EntryObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Entry_slots,
};

static int
entrymod_traverse(PyObject *m, visitproc visit, void *arg)
{
    entrymod_state *st = PyModule_GetState(m);
    Py_VISIT(st->Entry_Type);
    return 0;
}

static int
entrymod_clear(PyObject *m)
{
    entrymod_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Entry_Type);
    return 0;
}

static void
entrymod_free(void *m)
{
    (void)entrymod_clear((PyObject *)m);
}

static int
entrymod_exec(PyObject *m)
{
    entrymod_state *st = PyModule_GetState(m);
    st->Entry_Type = PyType_FromModuleAndSpec(m, &Entry_spec, NULL);
    if (st->Entry_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Entry", st->Entry_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot entrymod_slots[] = {
    {Py_mod_exec, entrymod_exec},
    {0, NULL}
};

static struct PyModuleDef entrymod_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "entrymod",
    .m_size = sizeof(entrymod_state),
    .m_slots = entrymod_slots,
    .m_traverse = entrymod_traverse,
    .m_clear = entrymod_clear,
    .m_free = entrymod_free,
};

PyMODINIT_FUNC
PyInit_entrymod(void)
{
    return PyModuleDef_Init(&entrymod_module);
}
