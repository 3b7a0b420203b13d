/* ref-leak: stack_push() takes over the reference it is given when it
 * succeeds (the array owns it) but, when the stack is full, it only sets
 * MemoryError and returns -1 without releasing it.  The caller returns
 * NULL on failure believing the helper disposed of the object, so the new
 * int leaks every time a push fails. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define STACK_CAPACITY 16

typedef struct {
    PyObject_HEAD
    Py_ssize_t depth;
    PyObject *items[STACK_CAPACITY];
} StackObject;

static int
stack_push(StackObject *self, PyObject *obj)
{
    if (self->depth >= STACK_CAPACITY) {
        PyErr_SetString(PyExc_MemoryError, "stack is full");
        return -1;                        /* 'obj' is not released */
    }
    self->items[self->depth++] = obj;
    return 0;
}

static void
Stack_dealloc(StackObject *self)
{
    for (Py_ssize_t i = 0; i < self->depth; i++)
        Py_DECREF(self->items[i]);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Stack_push_int(StackObject *self, PyObject *args)
{
    long value;
    if (!PyArg_ParseTuple(args, "l", &value))
        return NULL;
    PyObject *obj = PyLong_FromLong(value); // expected-warning{{ref-leak}}
    if (obj == NULL)
        return NULL;
    if (stack_push(self, obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
Stack_pop(StackObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->depth == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty stack");
        return NULL;
    }
    return self->items[--self->depth];
}

static PyMethodDef Stack_methods[] = {
    {"push_int", (PyCFunction)Stack_push_int, METH_VARARGS, NULL},
    {"pop", (PyCFunction)Stack_pop, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Stack_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "intstack.Stack",
    .tp_basicsize = sizeof(StackObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Stack_dealloc,
    .tp_methods = Stack_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef intstack_module = {
    PyModuleDef_HEAD_INIT, "intstack", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_intstack(void)
{
    if (PyType_Ready(&Stack_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&intstack_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Stack", (PyObject *)&Stack_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
