/* ref-leak: PyObject_New() of a heap type gives the new object a reference
 * to its type.  On the error path the half-built object is freed with
 * PyObject_Free(), which releases the memory only, so the reference to the
 * type is never released (Py_DECREF(self) would have run the type's
 * dealloc, which does it). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyTypeObject *Counter_Type;
} counter_state;

typedef struct {
    PyObject_HEAD
    PyObject *label;
} CounterObject;

static void
Counter_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    Py_XDECREF(((CounterObject *)op)->label);
    PyObject_Free(op);
    Py_DECREF(tp);
}

static PyType_Slot Counter_slots[] = {
    {Py_tp_dealloc, Counter_dealloc},
    {0, NULL}
};

static PyType_Spec Counter_spec = {
    .name = "counters.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Counter_slots,
};

static PyObject *
make_counter(PyObject *module, PyObject *label)
{
    counter_state *st = PyModule_GetState(module);
    PyTypeObject *type = st->Counter_Type;
    CounterObject *self = PyObject_New(CounterObject, type);
    if (self == NULL)
        return NULL;
    self->label = PyObject_Str(label);
    if (self->label == NULL) {
        PyObject_Free(self); // expected-warning{{ref-leak}}
        return NULL;
    }
    return (PyObject *)self;
}

static PyMethodDef counters_methods[] = {
    {"make_counter", make_counter, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static int
counters_exec(PyObject *m)
{
    counter_state *st = PyModule_GetState(m);
    st->Counter_Type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &Counter_spec, NULL);
    return st->Counter_Type == NULL ? -1 : 0;
}

static int
counters_traverse(PyObject *m, visitproc visit, void *arg)
{
    counter_state *st = PyModule_GetState(m);
    Py_VISIT(st->Counter_Type);
    return 0;
}

static int
counters_clear(PyObject *m)
{
    counter_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Counter_Type);
    return 0;
}

static PyModuleDef_Slot counters_slots[] = {
    {Py_mod_exec, counters_exec},
    {0, NULL}
};

static struct PyModuleDef counters_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "counters",
    .m_size = sizeof(counter_state),
    .m_methods = counters_methods,
    .m_slots = counters_slots,
    .m_traverse = counters_traverse,
    .m_clear = counters_clear,
};

PyMODINIT_FUNC
PyInit_counters(void)
{
    return PyModuleDef_Init(&counters_module);
}
