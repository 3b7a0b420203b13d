/* clean: 'data' is only ever assigned through its writable T_OBJECT_EX
 * PyMemberDef entry (never in C), and it is visited and cleared together
 * with 'name'. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *data;
} RecordObject;

static int
Record_traverse(RecordObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    Py_VISIT(self->data);
    return 0;
}

static int
Record_clear(RecordObject *self)
{
    Py_CLEAR(self->name);
    Py_CLEAR(self->data);
    return 0;
}

static void
Record_dealloc(RecordObject *self)
{
    PyObject_GC_UnTrack(self);
    Record_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Record_init(RecordObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:Record", kwlist, &name))
        return -1;
    Py_XSETREF(self->name, Py_NewRef(name));
    return 0;
}

static PyMemberDef Record_members[] = {
    {"name", T_OBJECT, offsetof(RecordObject, name), READONLY, NULL},
    {"data", T_OBJECT_EX, offsetof(RecordObject, data), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Record_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "recok.Record",
    .tp_basicsize = sizeof(RecordObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Record_traverse,
    .tp_clear = (inquiry)Record_clear,
    .tp_dealloc = (destructor)Record_dealloc,
    .tp_members = Record_members,
    .tp_init = (initproc)Record_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef recok_module = {
    PyModuleDef_HEAD_INIT, "recok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_recok(void)
{
    if (PyType_Ready(&Record_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&recok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Record", (PyObject *)&Record_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
