/* clean: a static GC type whose traverse visits, and whose clear releases,
 * every member that holds an object taken from the arguments. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    PyObject *key;
    PyObject *value;
} PairObject;

static int
Pair_traverse(PairObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->key);
    Py_VISIT(self->value);
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
    .tp_name = "pairok.Pair",
    .tp_basicsize = sizeof(PairObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Pair_traverse,
    .tp_clear = (inquiry)Pair_clear,
    .tp_dealloc = (destructor)Pair_dealloc,
    .tp_members = Pair_members,
    .tp_init = (initproc)Pair_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef pairok_module = {
    PyModuleDef_HEAD_INIT, "pairok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_pairok(void)
{
    if (PyType_Ready(&Pair_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pairok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Pair", (PyObject *)&Pair_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
