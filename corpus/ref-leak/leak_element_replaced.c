/* leak: the element is overwritten between the Py_INCREF and the call
 * that takes the reference: the object increfed (the old first cell) is
 * not the one handed to the tuple, and its new reference is leaked. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *cells[2];
} RingObject;

static PyObject *
Ring_rotate(RingObject *self, PyObject *unused)
{
    (void)unused;
    if (self->cells[0] == NULL || self->cells[1] == NULL)
        Py_RETURN_NONE;
    PyObject *t = PyTuple_New(1);
    if (t == NULL)
        return NULL;
    Py_INCREF(self->cells[0]);   // expected-warning{{ref-leak}}
    self->cells[0] = self->cells[1];
    PyTuple_SET_ITEM(t, 0, self->cells[0]);
    return t;
}

static PyMethodDef Ring_methods[] = {
    {"rotate", (PyCFunction)Ring_rotate, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Ring_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ring.Ring",
    .tp_basicsize = sizeof(RingObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Ring_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef ring_module = {
    PyModuleDef_HEAD_INIT, "ring", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_ring(void)
{
    if (PyType_Ready(&Ring_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&ring_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Ring", (PyObject *)&Ring_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
