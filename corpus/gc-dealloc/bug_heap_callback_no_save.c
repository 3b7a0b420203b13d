/* gc-dealloc: Guard (a heap type kept in a static global) runs its
 * on_release callback from tp_dealloc with PyObject_CallNoArgs, which can
 * raise, without first saving the exception that may be pending while the
 * guard is released.  That exception is lost or replaced; it has to be
 * saved with PyErr_Fetch and put back with PyErr_Restore. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *on_release;
} GuardObject;

static PyObject *Guard_Type;

static int
Guard_traverse(GuardObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->on_release);
    return 0;
}

static int
Guard_clear(GuardObject *self)
{
    Py_CLEAR(self->on_release);
    return 0;
}

static void
Guard_dealloc(GuardObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (self->on_release != NULL) {
        PyObject *res = PyObject_CallNoArgs(self->on_release); // expected-warning{{gc-dealloc}}
        if (res == NULL)
            PyErr_WriteUnraisable(self->on_release);
        else
            Py_DECREF(res);
    }
    Guard_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static int
Guard_init(GuardObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"on_release", NULL};
    PyObject *on_release;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Guard", kwlist, &on_release))
        return -1;
    if (!PyCallable_Check(on_release)) {
        PyErr_SetString(PyExc_TypeError, "on_release must be callable");
        return -1;
    }
    Py_XSETREF(self->on_release, Py_NewRef(on_release));
    return 0;
}

static PyType_Slot Guard_slots[] = {
    {Py_tp_traverse, Guard_traverse},
    {Py_tp_clear, Guard_clear},
    {Py_tp_dealloc, Guard_dealloc},
    {Py_tp_init, Guard_init},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Guard_spec = {
    .name = "guardmod.Guard",
    .basicsize = sizeof(GuardObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Guard_slots,
};

static struct PyModuleDef guardmod_module = {
    PyModuleDef_HEAD_INIT, "guardmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_guardmod(void)
{
    PyObject *m = PyModule_Create(&guardmod_module);
    if (m == NULL)
        return NULL;
    Guard_Type = PyType_FromSpec(&Guard_spec);
    if (Guard_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Guard", Guard_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
