/* clean: Queue_clear does not use Py_CLEAR for 'items'; it moves the
 * pointer into a local, sets the member to NULL first and then releases
 * the old value, which is exactly what Py_CLEAR expands to.  Both owned
 * members are released and both are visited. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *items;
    PyObject *on_empty;
} QueueObject;

static int
Queue_traverse(QueueObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->items);
    Py_VISIT(self->on_empty);
    return 0;
}

static int
Queue_clear(QueueObject *self)
{
    PyObject *items = self->items;
    self->items = NULL;
    Py_XDECREF(items);
    Py_CLEAR(self->on_empty);
    return 0;
}

static void
Queue_dealloc(QueueObject *self)
{
    PyObject_GC_UnTrack(self);
    Queue_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Queue_init(QueueObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"on_empty", NULL};
    PyObject *on_empty = Py_None;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Queue", kwlist, &on_empty))
        return -1;
    PyObject *items = PyList_New(0);
    if (items == NULL)
        return -1;
    Py_XSETREF(self->items, items);
    Py_XSETREF(self->on_empty, Py_NewRef(on_empty));
    return 0;
}

static PyObject *
Queue_push(QueueObject *self, PyObject *item)
{
    if (self->items == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "queue is not initialised");
        return NULL;
    }
    if (PyList_Append(self->items, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef Queue_methods[] = {
    {"push", (PyCFunction)Queue_push, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Queue_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "queuemod.Queue",
    .tp_basicsize = sizeof(QueueObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Queue_traverse,
    .tp_clear = (inquiry)Queue_clear,
    .tp_dealloc = (destructor)Queue_dealloc,
    .tp_methods = Queue_methods,
    .tp_init = (initproc)Queue_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef queuemod_module = {
    PyModuleDef_HEAD_INIT, "queuemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_queuemod(void)
{
    if (PyType_Ready(&Queue_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&queuemod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Queue", (PyObject *)&Queue_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
