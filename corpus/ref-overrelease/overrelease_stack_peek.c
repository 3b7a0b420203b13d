/* overrelease: a helper that looks at the top of a stack without lowering
 * its count (self->items[self->len - 1]) returns a reference the stack
 * still owns: the caller must not release it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t len;
    PyObject **items;
} UndoObject;

static PyObject *
undo_top(UndoObject *self)
{
    if (self->len <= 0) {
        PyErr_SetString(PyExc_IndexError, "nothing to undo");
        return NULL;
    }
    return self->items[self->len - 1];
}

static PyObject *
undo_at(UndoObject *self, Py_ssize_t i)
{
    return self->items[i];
}

static PyObject *
Undo_describe(UndoObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *top = undo_top(self);
    if (top == NULL)
        return NULL;
    PyObject *text = PyObject_Repr(top);
    Py_DECREF(top);   // expected-warning{{ref-overrelease}}
    return text;
}

static PyObject *
Undo_first(UndoObject *self, PyObject *unused)
{
    (void)unused;
    if (self->len <= 0)
        Py_RETURN_NONE;
    PyObject *first = undo_at(self, 0);
    PyObject *text = PyObject_Str(first);
    Py_DECREF(first);   // expected-warning{{ref-overrelease}}
    return text;
}

static PyMethodDef Undo_methods[] = {
    {"describe", (PyCFunction)Undo_describe, METH_NOARGS, NULL},
    {"first", (PyCFunction)Undo_first, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Undo_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "undo.Undo",
    .tp_basicsize = sizeof(UndoObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Undo_methods,
};

static struct PyModuleDef undo_module = {
    PyModuleDef_HEAD_INIT, "undo", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_undo(void)
{
    if (PyType_Ready(&Undo_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&undo_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Undo", (PyObject *)&Undo_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
