/* clean: a heap type's dealloc (type in a static global) saves the type,
 * untracks, clears, frees with tp->tp_free and then releases the
 * reference every instance holds to its heap type with Py_DECREF(tp). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
} SpanObject;

static PyObject *Span_Type;

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
    .name = "spandok.Span",
    .basicsize = sizeof(SpanObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Span_slots,
};

static struct PyModuleDef spandok_module = {
    PyModuleDef_HEAD_INIT, "spandok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_spandok(void)
{
    PyObject *m = PyModule_Create(&spandok_module);
    if (m == NULL)
        return NULL;
    Span_Type = PyType_FromSpec(&Span_spec);
    if (Span_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Span", Span_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
