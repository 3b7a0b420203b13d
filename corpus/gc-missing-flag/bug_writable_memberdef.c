/* gc-missing-flag: no C code stores into 'extra', but it is a writable
 * T_OBJECT_EX PyMemberDef member, so Python code can assign any object to
 * it (t.extra = t).  Tag_Type has no Py_TPFLAGS_HAVE_GC, so such a cycle
 * is never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    long id;
    PyObject *extra;
} TagObject;

static void
Tag_dealloc(TagObject *self)
{
    Py_XDECREF(self->extra);
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

static PyTypeObject Tag_Type = { // expected-warning{{gc-missing-flag}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tagmod.Tag",
    .tp_basicsize = sizeof(TagObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Tag_dealloc,
    .tp_members = Tag_members,
    .tp_init = (initproc)Tag_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef tagmod_module = {
    PyModuleDef_HEAD_INIT, "tagmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_tagmod(void)
{
    if (PyType_Ready(&Tag_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&tagmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Tag", (PyObject *)&Tag_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
