/* clean: Counter's only object member, 'count', is exposed READONLY in its
 * PyMemberDef table (Python code cannot store into it) and is only ever
 * set to an int that Counter creates itself with PyLong_FromLong.  An int
 * cannot refer back to the counter, so the type needs no GC support. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    long n;
    PyObject *count;
} CounterObject;

static void
Counter_dealloc(CounterObject *self)
{
    Py_XDECREF(self->count);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Counter_incr(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->n == LONG_MAX) {
        PyErr_SetString(PyExc_OverflowError, "counter overflow");
        return NULL;
    }
    PyObject *c = PyLong_FromLong(self->n + 1);
    if (c == NULL)
        return NULL;
    self->n++;
    Py_XSETREF(self->count, c);
    Py_RETURN_NONE;
}

static PyMethodDef Counter_methods[] = {
    {"incr", (PyCFunction)Counter_incr, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef Counter_members[] = {
    {"count", T_OBJECT, offsetof(CounterObject, count), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Counter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "countmod.Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Counter_dealloc,
    .tp_methods = Counter_methods,
    .tp_members = Counter_members,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef countmod_module = {
    PyModuleDef_HEAD_INIT, "countmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_countmod(void)
{
    if (PyType_Ready(&Counter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&countmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Counter", (PyObject *)&Counter_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
