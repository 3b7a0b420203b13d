/* gc-traverse-incomplete: Watch is a heap type whose tp_clear drops
 * 'target' but forgets 'handler'.  When a cycle runs through the handler
 * and through objects that cannot break it themselves (a tuple has no
 * tp_clear), the collector relies on Watch_clear to drop the reference;
 * since it does not, the cycle survives every collection. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *target;
    PyObject *handler;
} WatchObject;

static PyObject *Watch_Type;

static int
Watch_traverse(WatchObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->target);
    Py_VISIT(self->handler);
    return 0;
}

static int
Watch_clear(WatchObject *self) // expected-warning{{gc-traverse-incomplete}}
{
    Py_CLEAR(self->target);
    return 0;
}

static void
Watch_dealloc(WatchObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->target);
    Py_XDECREF(self->handler);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static int
Watch_init(WatchObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"target", "handler", NULL};
    PyObject *target, *handler;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Watch", kwlist, &target, &handler))
        return -1;
    if (!PyCallable_Check(handler)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return -1;
    }
    Py_XSETREF(self->target, Py_NewRef(target));
    Py_XSETREF(self->handler, Py_NewRef(handler));
    return 0;
}

static PyObject *
Watch_notify(WatchObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->target == NULL || self->handler == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "watch is not initialised");
        return NULL;
    }
    PyObject *handler = Py_NewRef(self->handler);
    PyObject *target = Py_NewRef(self->target);
    PyObject *res = PyObject_CallOneArg(handler, target);
    Py_DECREF(handler);
    Py_DECREF(target);
    return res;
}

static PyMethodDef Watch_methods[] = {
    {"notify", (PyCFunction)Watch_notify, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Watch_slots[] = {
    {Py_tp_traverse, Watch_traverse},
    {Py_tp_clear, Watch_clear},
    {Py_tp_dealloc, Watch_dealloc},
    {Py_tp_methods, Watch_methods},
    {Py_tp_init, Watch_init},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Watch_spec = {
    .name = "watchmod.Watch",
    .basicsize = sizeof(WatchObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Watch_slots,
};

static struct PyModuleDef watchmod_module = {
    PyModuleDef_HEAD_INIT, "watchmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_watchmod(void)
{
    PyObject *m = PyModule_Create(&watchmod_module);
    if (m == NULL)
        return NULL;
    Watch_Type = PyType_FromSpec(&Watch_spec);
    if (Watch_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Watch", Watch_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
