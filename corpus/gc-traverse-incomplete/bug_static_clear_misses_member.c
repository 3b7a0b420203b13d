/* gc-traverse-incomplete: Timer_clear releases 'callback' but leaves 'args'
 * alone.  When the collector breaks a cycle that runs through 'args' (a
 * tuple holding the timer itself), tp_clear is what has to drop the
 * reference; since it does not, the cycle survives the collection. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *callback;
    PyObject *args;
} TimerObject;

static int
Timer_traverse(TimerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->callback);
    Py_VISIT(self->args);
    return 0;
}

static int
Timer_clear(TimerObject *self) // expected-warning{{gc-traverse-incomplete}}
{
    Py_CLEAR(self->callback);
    return 0;
}

static void
Timer_dealloc(TimerObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->callback);
    Py_XDECREF(self->args);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Timer_init(TimerObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "Timer() takes no keyword arguments");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError, "Timer() needs a callback");
        return -1;
    }
    PyObject *callback = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "callback must be callable");
        return -1;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL)
        return -1;
    Py_XSETREF(self->callback, Py_NewRef(callback));
    Py_XSETREF(self->args, rest);
    return 0;
}

static PyObject *
Timer_fire(TimerObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->callback == NULL || self->args == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "timer is not initialised");
        return NULL;
    }
    PyObject *callback = Py_NewRef(self->callback);
    PyObject *cargs = Py_NewRef(self->args);
    PyObject *res = PyObject_Call(callback, cargs, NULL);
    Py_DECREF(callback);
    Py_DECREF(cargs);
    return res;
}

static PyMethodDef Timer_methods[] = {
    {"fire", (PyCFunction)Timer_fire, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Timer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "timermod.Timer",
    .tp_basicsize = sizeof(TimerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Timer_traverse,
    .tp_clear = (inquiry)Timer_clear,
    .tp_dealloc = (destructor)Timer_dealloc,
    .tp_methods = Timer_methods,
    .tp_init = (initproc)Timer_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef timermod_module = {
    PyModuleDef_HEAD_INIT, "timermod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_timermod(void)
{
    if (PyType_Ready(&Timer_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&timermod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Timer", (PyObject *)&Timer_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
