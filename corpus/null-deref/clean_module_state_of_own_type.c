/* clean: Counter is a heap type made with PyType_FromModuleAndSpec in the
 * module's Py_mod_exec slot.  Its tick() method is METH_METHOD |
 * METH_FASTCALL | METH_KEYWORDS, so it receives the class that defines it;
 * PyType_GetModuleState(defining_class) fails (returns NULL) only for a
 * type that is not a heap type created with a module, which this one
 * always is, and the module has m_size = sizeof(module_state), so the
 * state is used without a NULL check. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long counter;
    PyObject *Counter_Type;
} module_state;

typedef struct {
    PyObject_HEAD
    long ticks;
} CounterObject;

static void
Counter_dealloc(CounterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Counter_tick(CounterObject *self, PyTypeObject *defining_class,
             PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)args;
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "tick() takes no arguments");
        return NULL;
    }
    module_state *st = PyType_GetModuleState(defining_class);
    st->counter++;
    self->ticks++;
    return Py_BuildValue("(ll)", self->ticks, st->counter);
}

static PyMethodDef Counter_methods[] = {
    {"tick", (PyCFunction)(void (*)(void))Counter_tick,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_dealloc, Counter_dealloc},
    {Py_tp_methods, Counter_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Counter_spec = {
    .name = "ticker.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Counter_slots,
};

static int
ticker_exec(PyObject *m)
{
    module_state *st = PyModule_GetState(m);
    st->counter = 0;
    st->Counter_Type = PyType_FromModuleAndSpec(m, &Counter_spec, NULL);
    if (st->Counter_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Counter", st->Counter_Type) < 0)
        return -1;
    return 0;
}

static int
ticker_traverse(PyObject *m, visitproc visit, void *arg)
{
    module_state *st = PyModule_GetState(m);
    Py_VISIT(st->Counter_Type);
    return 0;
}

static int
ticker_clear(PyObject *m)
{
    module_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Counter_Type);
    return 0;
}

static void
ticker_free(void *m)
{
    (void)ticker_clear((PyObject *)m);
}

static PyModuleDef_Slot ticker_slots[] = {
    {Py_mod_exec, ticker_exec},
    {0, NULL}
};

static struct PyModuleDef ticker_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ticker",
    .m_size = sizeof(module_state),
    .m_slots = ticker_slots,
    .m_traverse = ticker_traverse,
    .m_clear = ticker_clear,
    .m_free = ticker_free,
};

PyMODINIT_FUNC
PyInit_ticker(void)
{
    return PyModuleDef_Init(&ticker_module);
}
