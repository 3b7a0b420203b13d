/* clean: the same shape as a hook that keeps an arbitrary callable, but
 * Hook_Type is a GC type: Py_TPFLAGS_HAVE_GC with a traverse that visits
 * the handler, a clear that releases it, and a dealloc that untracks
 * first. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *handler;
} HookObject;

static int
Hook_traverse(HookObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->handler);
    return 0;
}

static int
Hook_clear(HookObject *self)
{
    Py_CLEAR(self->handler);
    return 0;
}

static void
Hook_dealloc(HookObject *self)
{
    PyObject_GC_UnTrack(self);
    Hook_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Hook_set_handler(HookObject *self, PyObject *handler)
{
    if (!PyCallable_Check(handler)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return NULL;
    }
    PyObject *old = self->handler;
    Py_INCREF(handler);
    self->handler = handler;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Hook_fire(HookObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->handler == NULL)
        Py_RETURN_NONE;
    PyObject *handler = Py_NewRef(self->handler);   /* it may replace itself */
    PyObject *res = PyObject_CallNoArgs(handler);
    Py_DECREF(handler);
    return res;
}

static PyMethodDef Hook_methods[] = {
    {"set_handler", (PyCFunction)Hook_set_handler, METH_O, NULL},
    {"fire", (PyCFunction)Hook_fire, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Hook_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hookok.Hook",
    .tp_basicsize = sizeof(HookObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Hook_traverse,
    .tp_clear = (inquiry)Hook_clear,
    .tp_dealloc = (destructor)Hook_dealloc,
    .tp_methods = Hook_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef hookok_module = {
    PyModuleDef_HEAD_INIT, "hookok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_hookok(void)
{
    if (PyType_Ready(&Hook_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hookok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Hook", (PyObject *)&Hook_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
