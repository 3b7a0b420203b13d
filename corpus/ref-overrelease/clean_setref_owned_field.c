/* clean: Py_XSETREF releases the field's previous value exactly once; the
 * old value is returned after taking a reference, or moved out of the field. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;    /* owned, may be NULL */
} BoxObject;

static PyObject *
Box_swap(BoxObject *self, PyObject *value)
{
    PyObject *old = self->value;
    if (old == NULL)
        old = Py_None;
    Py_INCREF(old);
    Py_XSETREF(self->value, Py_NewRef(value));
    return old;
}

static PyObject *
Box_stringify(BoxObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->value == NULL) {
        PyErr_SetString(PyExc_ValueError, "empty box");
        return NULL;
    }
    PyObject *v = Py_NewRef(self->value);  /* __str__ may run box methods */
    PyObject *s = PyObject_Str(v);
    Py_DECREF(v);
    if (s == NULL)
        return NULL;
    Py_XSETREF(self->value, s);
    Py_RETURN_NONE;
}

static PyObject *
Box_take(BoxObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *v = self->value;
    if (v == NULL)
        Py_RETURN_NONE;
    self->value = NULL;
    return v;
}

static int
Box_traverse(BoxObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    return 0;
}

static int
Box_clear(BoxObject *self)
{
    Py_CLEAR(self->value);
    return 0;
}

static void
Box_dealloc(BoxObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->value);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Box_methods[] = {
    {"swap", (PyCFunction)Box_swap, METH_O, NULL},
    {"stringify", (PyCFunction)Box_stringify, METH_NOARGS, NULL},
    {"take", (PyCFunction)Box_take, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "box.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)Box_dealloc,
    .tp_traverse = (traverseproc)Box_traverse,
    .tp_clear = (inquiry)Box_clear,
    .tp_methods = Box_methods,
};

static struct PyModuleDef box_module = {
    PyModuleDef_HEAD_INIT, "box", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_box(void)
{
    if (PyType_Ready(&BoxType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&box_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &BoxType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
