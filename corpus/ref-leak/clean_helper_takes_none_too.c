/* clean: a helper takes over the reference it is given on every path; for
 * None it just drops the reference it got (Py_DECREF(Py_None)), otherwise
 * it stores the object.  Callers hand it new references and keep nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *kept;     /* owned, may be NULL */
} HolderObject;

static int
holder_keep(HolderObject *self, PyObject *obj)
{
    if (obj == Py_None) {
        Py_DECREF(Py_None);
        return 0;
    }
    Py_XSETREF(self->kept, obj);
    return 0;
}

static PyObject *
holder_keep_repr(HolderObject *self, PyObject *arg)
{
    PyObject *r = PyObject_Repr(arg);
    if (r == NULL)
        return NULL;
    if (holder_keep(self, r) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
holder_forget(HolderObject *self, PyObject *unused)
{
    if (holder_keep(self, Py_NewRef(Py_None)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static int
holder_traverse(HolderObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->kept);
    return 0;
}

static int
holder_clear(HolderObject *self)
{
    Py_CLEAR(self->kept);
    return 0;
}

static void
holder_dealloc(HolderObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->kept);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef holder_methods[] = {
    {"keep_repr", (PyCFunction)holder_keep_repr, METH_O, NULL},
    {"forget", (PyCFunction)holder_forget, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Holder_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "holder.Holder",
    .tp_basicsize = sizeof(HolderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_traverse = (traverseproc)holder_traverse,
    .tp_clear = (inquiry)holder_clear,
    .tp_dealloc = (destructor)holder_dealloc,
    .tp_methods = holder_methods,
};

static struct PyModuleDef holder_module = {
    PyModuleDef_HEAD_INIT, "holder", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_holder(void)
{
    if (PyType_Ready(&Holder_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&holder_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Holder", (PyObject *)&Holder_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
