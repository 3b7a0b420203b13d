/* clean: Base and Sub share their leading fields through a macro
 * (BASE_FIELDS), so a Sub can be handled as a Base.  Sub's traverse and
 * clear first call Base's on the cast pointer, which visit and clear
 * 'base_msg', and then handle Sub's own member 'extra': every member of
 * SubObject is visited and cleared. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define BASE_FIELDS \
    PyObject_HEAD \
    PyObject *base_msg;

typedef struct {
    BASE_FIELDS
} BaseObject;

typedef struct {
    BASE_FIELDS
    PyObject *extra;
} SubObject;

static int
Base_traverse(BaseObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->base_msg);
    return 0;
}

static int
Base_clear(BaseObject *self)
{
    Py_CLEAR(self->base_msg);
    return 0;
}

static void
Base_dealloc(BaseObject *self)
{
    PyObject_GC_UnTrack(self);
    Base_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Base_init(BaseObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"msg", NULL};
    PyObject *msg;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Base", kwlist, &msg))
        return -1;
    Py_XSETREF(self->base_msg, Py_NewRef(msg));
    return 0;
}

static int
Sub_traverse(SubObject *self, visitproc visit, void *arg)
{
    int rc = Base_traverse((BaseObject *)self, visit, arg);
    if (rc != 0)
        return rc;
    Py_VISIT(self->extra);
    return 0;
}

static int
Sub_clear(SubObject *self)
{
    Base_clear((BaseObject *)self);
    Py_CLEAR(self->extra);
    return 0;
}

static void
Sub_dealloc(SubObject *self)
{
    PyObject_GC_UnTrack(self);
    Sub_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Sub_init(SubObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"msg", "extra", NULL};
    PyObject *msg, *extra;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Sub", kwlist, &msg, &extra))
        return -1;
    Py_XSETREF(self->base_msg, Py_NewRef(msg));
    Py_XSETREF(self->extra, Py_NewRef(extra));
    return 0;
}

static PyTypeObject Base_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "layered.Base",
    .tp_basicsize = sizeof(BaseObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Base_traverse,
    .tp_clear = (inquiry)Base_clear,
    .tp_dealloc = (destructor)Base_dealloc,
    .tp_init = (initproc)Base_init,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject Sub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "layered.Sub",
    .tp_basicsize = sizeof(SubObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Sub_traverse,
    .tp_clear = (inquiry)Sub_clear,
    .tp_dealloc = (destructor)Sub_dealloc,
    .tp_init = (initproc)Sub_init,
    .tp_base = &Base_Type,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef layered_module = {
    PyModuleDef_HEAD_INIT, "layered", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_layered(void)
{
    if (PyType_Ready(&Base_Type) < 0)
        return NULL;
    if (PyType_Ready(&Sub_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&layered_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Base", (PyObject *)&Base_Type) < 0 ||
        PyModule_AddObjectRef(m, "Sub", (PyObject *)&Sub_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
