/* clean: a GC heap type kept in the module state.  Chunk_dealloc
 * untracks, clears, frees with tp->tp_free (PyObject_GC_Del for a GC
 * type) and then drops the instance's reference to its type. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Chunk_Type;
} chunkok_state;

typedef struct {
    PyObject_HEAD
    PyObject *owner;
} ChunkObject;

static int
Chunk_traverse(ChunkObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->owner);
    return 0;
}

static int
Chunk_clear(ChunkObject *self)
{
    Py_CLEAR(self->owner);
    return 0;
}

static void
Chunk_dealloc(ChunkObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Chunk_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static int
Chunk_init(ChunkObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"owner", NULL};
    PyObject *owner;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Chunk", kwlist, &owner))
        return -1;
    Py_XSETREF(self->owner, Py_NewRef(owner));
    return 0;
}

static PyType_Slot Chunk_slots[] = {
    {Py_tp_traverse, Chunk_traverse},
    {Py_tp_clear, Chunk_clear},
    {Py_tp_dealloc, Chunk_dealloc},
    {Py_tp_init, Chunk_init},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Chunk_spec = {
    .name = "chunkok.Chunk",
    .basicsize = sizeof(ChunkObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Chunk_slots,
};

static int
chunkok_traverse(PyObject *m, visitproc visit, void *arg)
{
    chunkok_state *st = PyModule_GetState(m);
    Py_VISIT(st->Chunk_Type);
    return 0;
}

static int
chunkok_clear(PyObject *m)
{
    chunkok_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Chunk_Type);
    return 0;
}

static void
chunkok_free(void *m)
{
    (void)chunkok_clear((PyObject *)m);
}

static int
chunkok_exec(PyObject *m)
{
    chunkok_state *st = PyModule_GetState(m);
    st->Chunk_Type = PyType_FromModuleAndSpec(m, &Chunk_spec, NULL);
    if (st->Chunk_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Chunk", st->Chunk_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot chunkok_slots[] = {
    {Py_mod_exec, chunkok_exec},
    {0, NULL}
};

static struct PyModuleDef chunkok_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "chunkok",
    .m_size = sizeof(chunkok_state),
    .m_slots = chunkok_slots,
    .m_traverse = chunkok_traverse,
    .m_clear = chunkok_clear,
    .m_free = chunkok_free,
};

PyMODINIT_FUNC
PyInit_chunkok(void)
{
    return PyModuleDef_Init(&chunkok_module);
}
