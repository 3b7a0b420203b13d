/* gc-missing-flag: the 'default' setter takes a reference to whatever
 * object Python assigns (Py_INCREF(value); self->fallback = value), so an
 * Option can end up referring to itself (o.default = o), but Option_Type
 * is not a GC type and that cycle is never collected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *fallback;
} OptionObject;

static void
Option_dealloc(OptionObject *self)
{
    Py_XDECREF(self->fallback);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Option_get_default(OptionObject *self, void *Py_UNUSED(closure))
{
    if (self->fallback == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->fallback);
}

static int
Option_set_default(OptionObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    PyObject *old = self->fallback;
    if (value == NULL) {
        self->fallback = NULL;
        Py_XDECREF(old);
        return 0;
    }
    Py_INCREF(value);
    self->fallback = value;
    Py_XDECREF(old);
    return 0;
}

static PyGetSetDef Option_getset[] = {
    {"default", (getter)Option_get_default, (setter)Option_set_default, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject Option_Type = { // expected-warning{{gc-missing-flag}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "optmod.Option",
    .tp_basicsize = sizeof(OptionObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Option_dealloc,
    .tp_getset = Option_getset,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef optmod_module = {
    PyModuleDef_HEAD_INIT, "optmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_optmod(void)
{
    if (PyType_Ready(&Option_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&optmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Option", (PyObject *)&Option_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
