/* gc-alloc: a GC heap type kept in the module state.  make_edge()
 * allocates the Edge correctly with PyObject_GC_New but calls
 * PyObject_GC_Track before it stores its members.  PyUnicode_FromFormat
 * ("%S" runs str() on arbitrary objects) can trigger a collection while
 * 'label' still holds uninitialised memory, and Edge_traverse then visits
 * garbage.  The members must be stored first and the object tracked last. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Edge_Type;
} edgemod_state;

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
    .name = "edgemod.Edge",
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
    edgemod_state *st = PyModule_GetState(module);
    EdgeObject *e = PyObject_GC_New(EdgeObject, (PyTypeObject *)st->Edge_Type);
    if (e == NULL)
        return NULL;
    PyObject_GC_Track(e); // expected-warning{{gc-alloc}}
    e->src = Py_NewRef(src);
    e->dst = Py_NewRef(dst);
    e->label = PyUnicode_FromFormat("%S->%S", src, dst);
    if (e->label == NULL) {
        Py_DECREF(e);
        return NULL;
    }
    return (PyObject *)e;
}

static PyMethodDef edgemod_methods[] = {
    {"make_edge", make_edge, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
edgemod_traverse(PyObject *m, visitproc visit, void *arg)
{
    edgemod_state *st = PyModule_GetState(m);
    Py_VISIT(st->Edge_Type);
    return 0;
}

static int
edgemod_clear(PyObject *m)
{
    edgemod_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Edge_Type);
    return 0;
}

static void
edgemod_free(void *m)
{
    (void)edgemod_clear((PyObject *)m);
}

static int
edgemod_exec(PyObject *m)
{
    edgemod_state *st = PyModule_GetState(m);
    st->Edge_Type = PyType_FromModuleAndSpec(m, &Edge_spec, NULL);
    if (st->Edge_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Edge", st->Edge_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot edgemod_slots[] = {
    {Py_mod_exec, edgemod_exec},
    {0, NULL}
};

static struct PyModuleDef edgemod_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "edgemod",
    .m_size = sizeof(edgemod_state),
    .m_methods = edgemod_methods,
    .m_slots = edgemod_slots,
    .m_traverse = edgemod_traverse,
    .m_clear = edgemod_clear,
    .m_free = edgemod_free,
};

PyMODINIT_FUNC
PyInit_edgemod(void)
{
    return PyModuleDef_Init(&edgemod_module);
}
