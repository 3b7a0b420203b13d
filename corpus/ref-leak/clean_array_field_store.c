/* clean: a new reference stored into an array member of a struct
 * (self->items[i]) is owned by that struct; a reference handed to a call
 * through &var (PyErr_NormalizeException) is the callee's to replace. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    PyObject *items[8];
} BagObject;

static PyObject *
Bag_put(BagObject *self, PyObject *arg)
{
    if (self->n >= 8) {
        PyErr_SetString(PyExc_OverflowError, "bag is full");
        return NULL;
    }
    PyObject *s = PyObject_Str(arg);
    if (s == NULL)
        return NULL;
    self->items[self->n++] = s;
    Py_RETURN_NONE;
}

static PyObject *
Bag_reraise(BagObject *self, PyObject *unused)
{
    PyObject *type, *value, *tb;
    (void)self;
    (void)unused;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        Py_RETURN_NONE;
    PyErr_NormalizeException(&type, &value, &tb);
    PyErr_Restore(type, value, tb);
    return NULL;
}

static PyMethodDef Bag_methods[] = {
    {"put", (PyCFunction)Bag_put, METH_O, NULL},
    {"reraise", (PyCFunction)Bag_reraise, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Bag_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bag.Bag",
    .tp_basicsize = sizeof(BagObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Bag_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef bag_module = {
    PyModuleDef_HEAD_INIT, "bag", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_bag(void)
{
    if (PyType_Ready(&Bag_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&bag_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Bag", (PyObject *)&Bag_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
