/* gc-dealloc: Pipe_dealloc calls the type's tp_clear (Pipe_clear), which
 * releases both members, before PyObject_GC_UnTrack.  The releases can run
 * arbitrary code and trigger a collection that still sees this dying,
 * tracked object; the clear must happen after untracking. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *source;
    PyObject *sink;
} PipeObject;

static int
Pipe_traverse(PipeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->source);
    Py_VISIT(self->sink);
    return 0;
}

static int
Pipe_clear(PipeObject *self)
{
    Py_CLEAR(self->source);
    Py_CLEAR(self->sink);
    return 0;
}

static void
Pipe_dealloc(PipeObject *self)
{
    Pipe_clear(self); // expected-warning{{gc-dealloc}}
    PyObject_GC_UnTrack(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Pipe_init(PipeObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "sink", NULL};
    PyObject *source, *sink;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Pipe", kwlist, &source, &sink))
        return -1;
    Py_XSETREF(self->source, Py_NewRef(source));
    Py_XSETREF(self->sink, Py_NewRef(sink));
    return 0;
}

static PyTypeObject Pipe_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pipemod.Pipe",
    .tp_basicsize = sizeof(PipeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Pipe_traverse,
    .tp_clear = (inquiry)Pipe_clear,
    .tp_dealloc = (destructor)Pipe_dealloc,
    .tp_init = (initproc)Pipe_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef pipemod_module = {
    PyModuleDef_HEAD_INIT, "pipemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_pipemod(void)
{
    if (PyType_Ready(&Pipe_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pipemod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Pipe", (PyObject *)&Pipe_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
