/* ref-overrelease: pool_free_list() returns the pool's 'free' list, a
 * borrowed reference, whether it read the member or made the list and
 * kept it there.  Pool_drain releases that reference as if it were its
 * own: the member is left pointing at a list it no longer owns. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *free;         /* owned, made on first use */
} PoolObject;

/* Borrowed: the free list, made when first asked for. */
static PyObject *
pool_free_list(PoolObject *self)
{
    if (self->free != NULL)
        return self->free;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    self->free = list;
    return list;
}

static PyObject *
Pool_drain(PoolObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *list = pool_free_list(self);
    if (list == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (PyList_SetSlice(list, 0, n, NULL) < 0) {
        Py_DECREF(list); // expected-warning{{ref-overrelease}}
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static void
Pool_dealloc(PoolObject *self)
{
    Py_XDECREF(self->free);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Pool_methods[] = {
    {"drain", (PyCFunction)Pool_drain, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Pool_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pool.Pool",
    .tp_basicsize = sizeof(PoolObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Pool_dealloc,
    .tp_methods = Pool_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef pool_module = {
    PyModuleDef_HEAD_INIT, "pool", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_pool(void)
{
    if (PyType_Ready(&Pool_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pool_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Pool", (PyObject *)&Pool_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
