/* clean: Base is an abstract static base type (Py_TPFLAGS_BASETYPE, no
 * Py_TPFLAGS_HAVE_GC) whose tp_new refuses to make instances of Base
 * itself.  Its attach() method keeps a reference to an arbitrary object,
 * but only instances of subclasses ever exist, and a class statement in
 * Python always makes a type with Py_TPFLAGS_HAVE_GC, whose subtype_traverse
 * and subtype_clear call Base's tp_traverse and tp_clear for the 'payload'
 * member.  Cycles through 'payload' are therefore collected. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *payload;
} BaseObject;

static PyTypeObject Base_Type;

static int
Base_traverse(BaseObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->payload);
    return 0;
}

static int
Base_clear(BaseObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static void
Base_dealloc(BaseObject *self)
{
    Py_XDECREF(self->payload);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Base_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)args;
    (void)kwds;
    if (type == &Base_Type) {
        PyErr_SetString(PyExc_TypeError,
                        "abstract.Base is abstract; instantiate a subclass");
        return NULL;
    }
    BaseObject *self = (BaseObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->payload = NULL;
    return (PyObject *)self;
}

static PyObject *
Base_attach(BaseObject *self, PyObject *obj)
{
    PyObject *old = self->payload;
    Py_INCREF(obj);
    self->payload = obj;
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
Base_detach(BaseObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->payload == NULL)
        Py_RETURN_NONE;
    PyObject *obj = self->payload;
    self->payload = NULL;
    return obj;
}

static PyMethodDef Base_methods[] = {
    {"attach", (PyCFunction)Base_attach, METH_O, NULL},
    {"detach", (PyCFunction)Base_detach, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Base_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "abstract.Base",
    .tp_basicsize = sizeof(BaseObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)Base_traverse,
    .tp_clear = (inquiry)Base_clear,
    .tp_dealloc = (destructor)Base_dealloc,
    .tp_methods = Base_methods,
    .tp_new = Base_new,
};

static struct PyModuleDef abstract_module = {
    PyModuleDef_HEAD_INIT, "abstract", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_abstract(void)
{
    if (PyType_Ready(&Base_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&abstract_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Base", (PyObject *)&Base_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
