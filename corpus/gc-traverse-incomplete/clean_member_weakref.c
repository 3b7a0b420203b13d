/* clean: Watcher is a GC type because 'note' holds an arbitrary object,
 * and that member is visited and cleared.  'target' only ever holds a
 * weak reference made with PyWeakref_NewRef(obj, NULL): with no callback
 * it refers strongly to nothing, so it cannot be part of a cycle and
 * traverse rightly leaves it out. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *target;                   /* weakref or NULL */
    PyObject *note;
} WatcherObject;

static int
Watcher_traverse(WatcherObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->note);
    return 0;
}

static int
Watcher_clear(WatcherObject *self)
{
    Py_CLEAR(self->note);
    return 0;
}

static void
Watcher_dealloc(WatcherObject *self)
{
    PyObject_GC_UnTrack(self);
    Watcher_clear(self);
    Py_XDECREF(self->target);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Watcher_watch(WatcherObject *self, PyObject *obj)
{
    PyObject *ref = PyWeakref_NewRef(obj, NULL);
    if (ref == NULL)
        return NULL;
    Py_XSETREF(self->target, ref);
    Py_RETURN_NONE;
}

static PyObject *
Watcher_get(WatcherObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->target == NULL)
        Py_RETURN_NONE;
    PyObject *obj = PyWeakref_GetObject(self->target);   /* borrowed */
    if (obj == NULL)
        return NULL;
    return Py_NewRef(obj);
}

static PyObject *
Watcher_annotate(WatcherObject *self, PyObject *note)
{
    Py_XSETREF(self->note, Py_NewRef(note));
    Py_RETURN_NONE;
}

static PyMethodDef Watcher_methods[] = {
    {"watch", (PyCFunction)Watcher_watch, METH_O, NULL},
    {"get", (PyCFunction)Watcher_get, METH_NOARGS, NULL},
    {"annotate", (PyCFunction)Watcher_annotate, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Watcher_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "watchers.Watcher",
    .tp_basicsize = sizeof(WatcherObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Watcher_traverse,
    .tp_clear = (inquiry)Watcher_clear,
    .tp_dealloc = (destructor)Watcher_dealloc,
    .tp_methods = Watcher_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef watchers_module = {
    PyModuleDef_HEAD_INIT, "watchers", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_watchers(void)
{
    if (PyType_Ready(&Watcher_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&watchers_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Watcher", (PyObject *)&Watcher_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
