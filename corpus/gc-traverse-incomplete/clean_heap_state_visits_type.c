/* clean: a heap type created with PyType_FromModuleAndSpec and stored in
 * the module state.  Span_traverse visits Py_TYPE(self) and both members,
 * Span_clear releases both; the module state's own reference to the type
 * is visited and cleared by the module's m_traverse / m_clear. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Span_Type;
} spanok_state;

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
} SpanObject;

static int
Span_traverse(SpanObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->start);
    Py_VISIT(self->stop);
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
    .name = "spanok.Span",
    .basicsize = sizeof(SpanObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Span_slots,
};

static int
spanok_traverse(PyObject *m, visitproc visit, void *arg)
{
    spanok_state *st = PyModule_GetState(m);
    Py_VISIT(st->Span_Type);
    return 0;
}

static int
spanok_clear(PyObject *m)
{
    spanok_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Span_Type);
    return 0;
}

static void
spanok_free(void *m)
{
    (void)spanok_clear((PyObject *)m);
}

static struct PyModuleDef spanok_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "spanok",
    .m_size = sizeof(spanok_state),
    .m_traverse = spanok_traverse,
    .m_clear = spanok_clear,
    .m_free = spanok_free,
};

PyMODINIT_FUNC
PyInit_spanok(void)
{
    PyObject *m = PyModule_Create(&spanok_module);
    if (m == NULL)
        return NULL;
    spanok_state *st = PyModule_GetState(m);
    st->Span_Type = PyType_FromModuleAndSpec(m, &Span_spec, NULL);
    if (st->Span_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Span", st->Span_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
