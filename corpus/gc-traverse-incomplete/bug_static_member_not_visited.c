/* gc-traverse-incomplete: Pair_traverse visits 'key' but not 'value'.
 * Both members hold arbitrary objects taken from the constructor's
 * arguments, so a cycle running through 'value' (p = Pair(1, []);
 * p.value.append(p)) is invisible to the cyclic collector and never freed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    PyObject *key;
    PyObject *value;
} PairObject;

static int
Pair_traverse(PairObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
    Py_VISIT(self->key);
    return 0;
}

static int
Pair_clear(PairObject *self)
{
    Py_CLEAR(self->key);
    Py_CLEAR(self->value);
    return 0;
}

static void
Pair_dealloc(PairObject *self)
{
    PyObject_GC_UnTrack(self);
    Pair_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Pair_init(PairObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "value", NULL};
    PyObject *key, *value;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Pair", kwlist, &key, &value))
        return -1;
    Py_XSETREF(self->key, Py_NewRef(key));
    Py_XSETREF(self->value, Py_NewRef(value));
    return 0;
}

static PyMemberDef Pair_members[] = {
    {"key", T_OBJECT, offsetof(PairObject, key), READONLY, NULL},
    {"value", T_OBJECT, offsetof(PairObject, value), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Pair_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pairmod.Pair",
    .tp_basicsize = sizeof(PairObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Pair_traverse,
    .tp_clear = (inquiry)Pair_clear,
    .tp_dealloc = (destructor)Pair_dealloc,
    .tp_members = Pair_members,
    .tp_init = (initproc)Pair_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef pairmod_module = {
    PyModuleDef_HEAD_INIT, "pairmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_pairmod(void)
{
    if (PyType_Ready(&Pair_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pairmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Pair", (PyObject *)&Pair_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
