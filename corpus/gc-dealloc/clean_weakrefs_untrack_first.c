/* clean: a weak-referenceable GC type.  Its dealloc untracks first, then
 * clears the weak references (PyObject_ClearWeakRefs handles the callbacks'
 * exceptions itself), then releases the members and frees with tp_free. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    PyObject *payload;
    PyObject *weakreflist;
} TokenObject;

static int
Token_traverse(TokenObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->payload);
    return 0;
}

static int
Token_clear(TokenObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static void
Token_dealloc(TokenObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    Token_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Token_init(TokenObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"payload", NULL};
    PyObject *payload;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Token", kwlist, &payload))
        return -1;
    Py_XSETREF(self->payload, Py_NewRef(payload));
    return 0;
}

static PyTypeObject Token_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tokenok.Token",
    .tp_basicsize = sizeof(TokenObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Token_traverse,
    .tp_clear = (inquiry)Token_clear,
    .tp_dealloc = (destructor)Token_dealloc,
    .tp_weaklistoffset = offsetof(TokenObject, weakreflist),
    .tp_init = (initproc)Token_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef tokenok_module = {
    PyModuleDef_HEAD_INIT, "tokenok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_tokenok(void)
{
    if (PyType_Ready(&Token_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&tokenok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Token", (PyObject *)&Token_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
