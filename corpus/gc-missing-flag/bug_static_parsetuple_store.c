/* gc-missing-flag: Box.attach() parses an arbitrary object with
 * PyArg_ParseTuple "O" and keeps it in self->obj, yet Box_Type is not a GC
 * type (no Py_TPFLAGS_HAVE_GC, no tp_traverse).  b.attach([b]) creates a
 * cycle that reference counting alone can never free. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *obj;
} BoxObject;

static void
Box_dealloc(BoxObject *self)
{
    Py_XDECREF(self->obj);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Box_attach(BoxObject *self, PyObject *args)
{
    PyObject *obj;

    if (!PyArg_ParseTuple(args, "O:attach", &obj))
        return NULL;
    PyObject *old = self->obj;
    Py_INCREF(obj);
    self->obj = obj;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Box_detach(BoxObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = self->obj;
    if (obj == NULL)
        Py_RETURN_NONE;
    self->obj = NULL;
    return obj;
}

static PyMethodDef Box_methods[] = {
    {"attach", (PyCFunction)Box_attach, METH_VARARGS, NULL},
    {"detach", (PyCFunction)Box_detach, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Box_Type = { // expected-warning{{gc-missing-flag}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boxmod.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Box_dealloc,
    .tp_methods = Box_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef boxmod_module = {
    PyModuleDef_HEAD_INIT, "boxmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_boxmod(void)
{
    if (PyType_Ready(&Box_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&boxmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Box", (PyObject *)&Box_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
