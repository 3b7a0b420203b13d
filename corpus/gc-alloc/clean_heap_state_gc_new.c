/* clean: a GC heap type kept in the module state, allocated with
 * PyObject_GC_New(EdgeObject, (PyTypeObject *)st->Edge_Type).  Every
 * member is stored (the fallible label is built before allocating) and
 * PyObject_GC_Track comes last. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Edge_Type;
} edgeok_state;

typedef struct {
    PyObject_HEAD
    PyObject *src;
    PyObject *dst;
    PyObject *label;
} EdgeObject;

static int
Edge_traverse(EdgeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->src);
    Py_VISIT(self->dst);
    Py_VISIT(self->label);
    return 0;
}

static int
Edge_clear(EdgeObject *self)
{
    Py_CLEAR(self->src);
    Py_CLEAR(self->dst);
    Py_CLEAR(self->label);
    return 0;
}

static void
Edge_dealloc(EdgeObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Edge_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyType_Slot Edge_slots[] = {
    {Py_tp_traverse, Edge_traverse},
    {Py_tp_clear, Edge_clear},
    {Py_tp_dealloc, Edge_dealloc},
    {0, NULL}
};

static PyType_Spec Edge_spec = {
    .name = "edgeok.Edge",
    .basicsize = sizeof(EdgeObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = Edge_slots,
};

static PyObject *
make_edge(PyObject *module, PyObject *args)
{
    PyObject *src, *dst;

    if (!PyArg_ParseTuple(args, "OO:make_edge", &src, &dst))
        return NULL;
    PyObject *label = PyUnicode_FromFormat("%S->%S", src, dst);
    if (label == NULL)
        return NULL;
    edgeok_state *st = PyModule_GetState(module);
    EdgeObject *e = PyObject_GC_New(EdgeObject, (PyTypeObject *)st->Edge_Type);
    if (e == NULL) {
        Py_DECREF(label);
        return NULL;
    }
    e->src = Py_NewRef(src);
    e->dst = Py_NewRef(dst);
    e->label = label;
    PyObject_GC_Track(e);
    return (PyObject *)e;
}

static PyMethodDef edgeok_methods[] = {
    {"make_edge", make_edge, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
edgeok_traverse(PyObject *m, visitproc visit, void *arg)
{
    edgeok_state *st = PyModule_GetState(m);
    Py_VISIT(st->Edge_Type);
    return 0;
}

static int
edgeok_clear(PyObject *m)
{
    edgeok_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Edge_Type);
    return 0;
}

static void
edgeok_free(void *m)
{
    (void)edgeok_clear((PyObject *)m);
}

static int
edgeok_exec(PyObject *m)
{
    edgeok_state *st = PyModule_GetState(m);
    st->Edge_Type = PyType_FromModuleAndSpec(m, &Edge_spec, NULL);
    if (st->Edge_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Edge", st->Edge_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot edgeok_slots[] = {
    {Py_mod_exec, edgeok_exec},
    {0, NULL}
};

static struct PyModuleDef edgeok_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "edgeok",
    .m_size = sizeof(edgeok_state),
    .m_methods = edgeok_methods,
    .m_slots = edgeok_slots,
    .m_traverse = edgeok_traverse,
    .m_clear = edgeok_clear,
    .m_free = edgeok_free,
};

PyMODINIT_FUNC
PyInit_edgeok(void)
{
    return PyModuleDef_Init(&edgeok_module);
}
