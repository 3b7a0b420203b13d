/* clean: an old-style positional PyTypeObject initialiser for a type that
 * keeps an arbitrary argument; tp_flags includes Py_TPFLAGS_HAVE_GC and
 * tp_traverse / tp_clear cover the stored reference. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *target;
} RefObject;

static int
Ref_traverse(RefObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->target);
    return 0;
}

static int
Ref_clear(RefObject *self)
{
    Py_CLEAR(self->target);
    return 0;
}

static void
Ref_dealloc(RefObject *self)
{
    PyObject_GC_UnTrack(self);
    Ref_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Ref_bind(RefObject *self, PyObject *target)
{
    PyObject *old = self->target;
    Py_INCREF(target);
    self->target = target;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Ref_deref(RefObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->target == NULL) {
        PyErr_SetString(PyExc_ValueError, "unbound reference");
        return NULL;
    }
    return Py_NewRef(self->target);
}

static PyMethodDef Ref_methods[] = {
    {"bind", (PyCFunction)Ref_bind, METH_O, NULL},
    {"deref", (PyCFunction)Ref_deref, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Ref_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "refok.Ref",                                /* tp_name */
    sizeof(RefObject),                          /* tp_basicsize */
    0,                                          /* tp_itemsize */
    (destructor)Ref_dealloc,                    /* tp_dealloc */
    0,                                          /* tp_vectorcall_offset */
    0,                                          /* tp_getattr */
    0,                                          /* tp_setattr */
    0,                                          /* tp_as_async */
    0,                                          /* tp_repr */
    0,                                          /* tp_as_number */
    0,                                          /* tp_as_sequence */
    0,                                          /* tp_as_mapping */
    0,                                          /* tp_hash */
    0,                                          /* tp_call */
    0,                                          /* tp_str */
    0,                                          /* tp_getattro */
    0,                                          /* tp_setattro */
    0,                                          /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,    /* tp_flags */
    "A rebindable reference.",                  /* tp_doc */
    (traverseproc)Ref_traverse,                 /* tp_traverse */
    (inquiry)Ref_clear,                         /* tp_clear */
    0,                                          /* tp_richcompare */
    0,                                          /* tp_weaklistoffset */
    0,                                          /* tp_iter */
    0,                                          /* tp_iternext */
    Ref_methods,                                /* tp_methods */
    0,                                          /* tp_members */
    0,                                          /* tp_getset */
    0,                                          /* tp_base */
    0,                                          /* tp_dict */
    0,                                          /* tp_descr_get */
    0,                                          /* tp_descr_set */
    0,                                          /* tp_dictoffset */
    0,                                          /* tp_init */
    0,                                          /* tp_alloc */
    PyType_GenericNew,                          /* tp_new */
};

static struct PyModuleDef refok_module = {
    PyModuleDef_HEAD_INIT, "refok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_refok(void)
{
    if (PyType_Ready(&Ref_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&refok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Ref", (PyObject *)&Ref_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
