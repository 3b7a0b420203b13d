/* gc-missing-flag: Hook keeps a reference to an arbitrary object passed to
 * set_handler() (Py_INCREF, then self->handler = handler), but Hook_Type
 * has no Py_TPFLAGS_HAVE_GC and no tp_traverse.  A handler that refers back
 * to the hook (a bound method of an object holding it) forms a cycle the
 * collector cannot see, so it is never freed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *handler;
} HookObject;

static void
Hook_dealloc(HookObject *self)
{
    Py_XDECREF(self->handler);
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

static PyTypeObject Hook_Type = { // expected-warning{{gc-missing-flag}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hookmod.Hook",
    .tp_basicsize = sizeof(HookObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Hook_dealloc,
    .tp_methods = Hook_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef hookmod_module = {
    PyModuleDef_HEAD_INIT, "hookmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_hookmod(void)
{
    if (PyType_Ready(&Hook_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hookmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Hook", (PyObject *)&Hook_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
