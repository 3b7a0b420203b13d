/* clean: Link keeps a tagged pointer in 'tail': an owned object reference
 * whose low bit (always zero in a real object address) stores a flag.
 * Link_traverse visits it as Py_VISIT(UNTAG(self->tail)); the argument is
 * computed, but it is the 'tail' member, so every owned member is visited.
 * Stores tag a new reference, and clear/dealloc release through UNTAG. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define TAG_BIT ((uintptr_t)1)
#define UNTAG(p) ((PyObject *)((uintptr_t)(p) & ~(uintptr_t)1))
#define IS_TAGGED(p) (((uintptr_t)(p) & TAG_BIT) != 0)

typedef struct {
    PyObject_HEAD
    PyObject *head;         /* owned */
    PyObject *tail;         /* owned, tagged: low bit is the 'sticky' flag */
} LinkObject;

static int
Link_traverse(LinkObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->head);
    Py_VISIT(UNTAG(self->tail));
    return 0;
}

static int
Link_clear(LinkObject *self)
{
    PyObject *tail = UNTAG(self->tail);
    self->tail = NULL;
    Py_XDECREF(tail);
    Py_CLEAR(self->head);
    return 0;
}

static void
Link_dealloc(LinkObject *self)
{
    PyObject_GC_UnTrack(self);
    Link_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Link_init(LinkObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"head", NULL};
    PyObject *head;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Link", kwlist, &head))
        return -1;
    Py_XSETREF(self->head, Py_NewRef(head));
    return 0;
}

static PyObject *
Link_set_tail(LinkObject *self, PyObject *args)
{
    PyObject *obj;
    int sticky = 0;

    if (!PyArg_ParseTuple(args, "O|p:set_tail", &obj, &sticky))
        return NULL;
    PyObject *old = UNTAG(self->tail);
    self->tail = (PyObject *)((uintptr_t)Py_NewRef(obj) | (sticky ? TAG_BIT : 0));
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Link_get_tail(LinkObject *self, void *Py_UNUSED(closure))
{
    PyObject *tail = UNTAG(self->tail);
    if (tail == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(tail);
}

static PyObject *
Link_get_sticky(LinkObject *self, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(IS_TAGGED(self->tail));
}

static PyMethodDef Link_methods[] = {
    {"set_tail", (PyCFunction)Link_set_tail, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef Link_getset[] = {
    {"tail", (getter)Link_get_tail, NULL, NULL, NULL},
    {"sticky", (getter)Link_get_sticky, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tagged.Link",
    .tp_basicsize = sizeof(LinkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Link_traverse,
    .tp_clear = (inquiry)Link_clear,
    .tp_dealloc = (destructor)Link_dealloc,
    .tp_methods = Link_methods,
    .tp_getset = Link_getset,
    .tp_init = (initproc)Link_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef tagged_module = {
    PyModuleDef_HEAD_INIT, "tagged", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_tagged(void)
{
    if (PyType_Ready(&Link_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&tagged_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Link", (PyObject *)&Link_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
