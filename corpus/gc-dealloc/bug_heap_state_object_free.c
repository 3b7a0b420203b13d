/* gc-dealloc: Chunk is a GC heap type (its spec sets Py_TPFLAGS_HAVE_GC),
 * so its instances are allocated with a GC header in front of them.
 * Chunk_dealloc releases that memory with PyObject_Free(self), which
 * passes the allocator a pointer into the middle of the block; it must go
 * through tp->tp_free (PyObject_GC_Del). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Chunk_Type;
} chunkmod_state;

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
    PyObject_Free(self); // expected-warning{{gc-dealloc}}
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
    .name = "chunkmod.Chunk",
    .basicsize = sizeof(ChunkObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Chunk_slots,
};

static int
chunkmod_traverse(PyObject *m, visitproc visit, void *arg)
{
    chunkmod_state *st = PyModule_GetState(m);
    Py_VISIT(st->Chunk_Type);
    return 0;
}

static int
chunkmod_clear(PyObject *m)
{
    chunkmod_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Chunk_Type);
    return 0;
}

static void
chunkmod_free(void *m)
{
    (void)chunkmod_clear((PyObject *)m);
}

static int
chunkmod_exec(PyObject *m)
{
    chunkmod_state *st = PyModule_GetState(m);
    st->Chunk_Type = PyType_FromModuleAndSpec(m, &Chunk_spec, NULL);
    if (st->Chunk_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Chunk", st->Chunk_Type) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot chunkmod_slots[] = {
    {Py_mod_exec, chunkmod_exec},
    {0, NULL}
};

static struct PyModuleDef chunkmod_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "chunkmod",
    .m_size = sizeof(chunkmod_state),
    .m_slots = chunkmod_slots,
    .m_traverse = chunkmod_traverse,
    .m_clear = chunkmod_clear,
    .m_free = chunkmod_free,
};

PyMODINIT_FUNC
PyInit_chunkmod(void)
{
    return PyModuleDef_Init(&chunkmod_module);
}
