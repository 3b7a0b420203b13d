/* gc-missing-flag: Pipe and Tap are heap types kept in the module state
 * that share one instance struct and the helper new_conn(type).  Pipe is
 * a GC type; Tap is not, yet Tap's constructor also keeps the object its
 * caller passes ('peer'): a tap whose peer refers back to it is never
 * collected.  Knowing which type each object is made as must not hide
 * Tap's own store. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Pipe_Type;
    PyObject *Tap_Type;
} connmod_state;

typedef struct {
    PyObject_HEAD
    PyObject *peer;
} ConnObject;

static connmod_state *
get_state(PyObject *module)
{
    return (connmod_state *)PyModule_GetState(module);
}

static ConnObject *
new_conn(PyTypeObject *type)
{
    ConnObject *self = PyObject_New(ConnObject, type);
    if (self == NULL)
        return NULL;
    self->peer = NULL;
    return self;
}

static PyObject *
connmod_tap(PyObject *module, PyObject *peer)
{
    connmod_state *st = get_state(module);
    ConnObject *self = new_conn((PyTypeObject *)st->Tap_Type);
    if (self == NULL)
        return NULL;
    Py_INCREF(peer);
    self->peer = peer;
    return (PyObject *)self;
}

static PyObject *
connmod_pipe(PyObject *module, PyObject *peer)
{
    connmod_state *st = get_state(module);
    ConnObject *self = PyObject_GC_New(ConnObject, (PyTypeObject *)st->Pipe_Type);
    if (self == NULL)
        return NULL;
    self->peer = Py_NewRef(peer);
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static int
Pipe_traverse(ConnObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->peer);
    return 0;
}

static int
Pipe_clear(ConnObject *self)
{
    Py_CLEAR(self->peer);
    return 0;
}

static void
Pipe_dealloc(ConnObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Pipe_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static void
Tap_dealloc(ConnObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(self->peer);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyType_Slot Pipe_slots[] = {
    {Py_tp_traverse, Pipe_traverse},
    {Py_tp_clear, Pipe_clear},
    {Py_tp_dealloc, Pipe_dealloc},
    {0, NULL}
};

static PyType_Spec Pipe_spec = {
    .name = "connmod.Pipe",
    .basicsize = sizeof(ConnObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Pipe_slots,
};

static PyType_Slot Tap_slots[] = {
    {Py_tp_dealloc, Tap_dealloc},
    {0, NULL}
};

static PyType_Spec Tap_spec = { // expected-warning{{gc-missing-flag}}
    .name = "connmod.Tap",
    .basicsize = sizeof(ConnObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Tap_slots,
};

static int
connmod_exec(PyObject *module)
{
    connmod_state *st = get_state(module);
    st->Pipe_Type = PyType_FromModuleAndSpec(module, &Pipe_spec, NULL);
    if (st->Pipe_Type == NULL)
        return -1;
    st->Tap_Type = PyType_FromModuleAndSpec(module, &Tap_spec, NULL);
    if (st->Tap_Type == NULL)
        return -1;
    return 0;
}

static int
connmod_traverse(PyObject *module, visitproc visit, void *arg)
{
    connmod_state *st = get_state(module);
    Py_VISIT(st->Pipe_Type);
    Py_VISIT(st->Tap_Type);
    return 0;
}

static int
connmod_clear(PyObject *module)
{
    connmod_state *st = get_state(module);
    Py_CLEAR(st->Pipe_Type);
    Py_CLEAR(st->Tap_Type);
    return 0;
}

static PyMethodDef connmod_methods[] = {
    {"tap", connmod_tap, METH_O, NULL},
    {"pipe", connmod_pipe, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef_Slot connmod_slots[] = {
    {Py_mod_exec, connmod_exec},
    {0, NULL}
};

static struct PyModuleDef connmod_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "connmod",
    .m_size = sizeof(connmod_state),
    .m_methods = connmod_methods,
    .m_slots = connmod_slots,
    .m_traverse = connmod_traverse,
    .m_clear = connmod_clear,
};

PyMODINIT_FUNC
PyInit_connmod(void)
{
    return PyModuleDef_Init(&connmod_module);
}
