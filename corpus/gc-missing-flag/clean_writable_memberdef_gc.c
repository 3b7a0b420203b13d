/* clean: 'extra' is a writable T_OBJECT_EX member that Python code can set
 * to any object, and Tag_Type supports the collector for it: it sets
 * Py_TPFLAGS_HAVE_GC and its traverse / clear cover 'extra'. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    long id;
    PyObject *extra;
} TagObject;

static int
Tag_traverse(TagObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->extra);
    return 0;
}

static int
Tag_clear(TagObject *self)
{
    Py_CLEAR(self->extra);
    return 0;
}

static void
Tag_dealloc(TagObject *self)
{
    PyObject_GC_UnTrack(self);
    Tag_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Tag_init(TagObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"id", NULL};
    long id;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "l:Tag", kwlist, &id))
        return -1;
    self->id = id;
    return 0;
}

static PyMemberDef Tag_members[] = {
    {"id", T_LONG, offsetof(TagObject, id), READONLY, NULL},
    {"extra", T_OBJECT_EX, offsetof(TagObject, extra), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Tag_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tagok.Tag",
    .tp_basicsize = sizeof(TagObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Tag_traverse,
    .tp_clear = (inquiry)Tag_clear,
    .tp_dealloc = (destructor)Tag_dealloc,
    .tp_members = Tag_members,
    .tp_init = (initproc)Tag_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef tagok_module = {
    PyModuleDef_HEAD_INIT, "tagok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_tagok(void)
{
    if (PyType_Ready(&Tag_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&tagok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Tag", (PyObject *)&Tag_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
