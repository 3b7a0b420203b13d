/* clean: Cache keeps a builtin 'on_drop' made with PyCFunction_NewEx whose
 * self is a weak reference (no callback) to the cache and whose module is
 * NULL.  Such a builtin refers to nothing but that weak reference, so it
 * cannot be part of a reference cycle: traverse rightly leaves it out,
 * while 'entries', which holds arbitrary objects, is visited. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *entries;                  /* dict */
    PyObject *on_drop;                  /* builtin bound to a weakref */
} CacheObject;

static PyObject *
cache_dropped(PyObject *ref, PyObject *Py_UNUSED(arg))
{
    PyObject *cache = PyWeakref_GetObject(ref);     /* borrowed */
    if (cache == NULL)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef cache_dropped_def = {
    "_dropped", (PyCFunction)cache_dropped, METH_O, NULL
};

static int
Cache_traverse(CacheObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->entries);
    return 0;
}

static int
Cache_clear(CacheObject *self)
{
    Py_CLEAR(self->entries);
    Py_CLEAR(self->on_drop);
    return 0;
}

static void
Cache_dealloc(CacheObject *self)
{
    PyObject_GC_UnTrack(self);
    Cache_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Cache_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    CacheObject *self = (CacheObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->entries = PyDict_New();
    if (self->entries == NULL)
        goto fail;
    PyObject *ref = PyWeakref_NewRef((PyObject *)self, NULL);
    if (ref == NULL)
        goto fail;
    self->on_drop = PyCFunction_NewEx(&cache_dropped_def, ref, NULL);
    Py_DECREF(ref);
    if (self->on_drop == NULL)
        goto fail;
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static PyObject *
Cache_put(CacheObject *self, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "OO", &key, &value))
        return NULL;
    if (PyDict_SetItem(self->entries, key, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef Cache_methods[] = {
    {"put", (PyCFunction)Cache_put, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Cache_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "caches.Cache",
    .tp_basicsize = sizeof(CacheObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Cache_traverse,
    .tp_clear = (inquiry)Cache_clear,
    .tp_dealloc = (destructor)Cache_dealloc,
    .tp_methods = Cache_methods,
    .tp_new = Cache_new,
};

static struct PyModuleDef caches_module = {
    PyModuleDef_HEAD_INIT, "caches", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_caches(void)
{
    if (PyType_Ready(&Cache_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&caches_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Cache", (PyObject *)&Cache_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
