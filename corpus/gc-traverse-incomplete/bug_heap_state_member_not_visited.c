/* gc-traverse-incomplete: Span is a heap type created with
 * PyType_FromModuleAndSpec and kept in the module state.  Span_traverse
 * visits the type and 'start' but not 'stop', which Span_init fills with
 * an arbitrary object from its arguments; a cycle through 'stop' leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Span_Type;
} spanmod_state;

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
} SpanObject;

static int
Span_traverse(SpanObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->start);
    return 0;
}

static int
Span_clear(SpanObject *self)
{
    Py_CLEAR(self->start);
    Py_CLEAR(self->stop);
    return 0;
}

static void
Span_dealloc(SpanObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Span_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static int
Span_init(SpanObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "stop", NULL};
    PyObject *start, *stop;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Span", kwlist, &start, &stop))
        return -1;
    Py_XSETREF(self->start, Py_NewRef(start));
    Py_XSETREF(self->stop, Py_NewRef(stop));
    return 0;
}

static PyType_Slot Span_slots[] = {
    {Py_tp_traverse, Span_traverse},
    {Py_tp_clear, Span_clear},
    {Py_tp_dealloc, Span_dealloc},
    {Py_tp_init, Span_init},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Span_spec = {
    .name = "spanmod.Span",
    .basicsize = sizeof(SpanObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Span_slots,
};

static int
spanmod_traverse(PyObject *m, visitproc visit, void *arg)
{
    spanmod_state *st = PyModule_GetState(m);
    Py_VISIT(st->Span_Type);
    return 0;
}

static int
spanmod_clear(PyObject *m)
{
    spanmod_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Span_Type);
    return 0;
}

static void
spanmod_free(void *m)
{
    (void)spanmod_clear((PyObject *)m);
}

static int
spanmod_exec(PyObject *m)
{
    spanmod_state *st = PyModule_GetState(m);
    st->Span_Type = PyType_FromModuleAndSpec(m, &Span_spec, NULL);
    if (st->Span_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Span", st->Span_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot spanmod_slots[] = {
    {Py_mod_exec, spanmod_exec},
    {0, NULL}
};

static struct PyModuleDef spanmod_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "spanmod",
    .m_size = sizeof(spanmod_state),
    .m_slots = spanmod_slots,
    .m_traverse = spanmod_traverse,
    .m_clear = spanmod_clear,
    .m_free = spanmod_free,
};

PyMODINIT_FUNC
PyInit_spanmod(void)
{
    return PyModuleDef_Init(&spanmod_module);
}
