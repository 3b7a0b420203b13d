/* clean: Stamp is a heap type (kept in the module state) without
 * Py_TPFLAGS_HAVE_GC; it holds only C integers.  PyObject_New with the
 * type from the module state is the right allocator for it, and its
 * dealloc frees with tp_free and then releases its heap type. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Stamp_Type;
} stampmod_state;

typedef struct {
    PyObject_HEAD
    long seconds;
    long nanos;
} StampObject;

static void
Stamp_dealloc(StampObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Stamp_total_ns(StampObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLongLong((long long)self->seconds * 1000000000LL + self->nanos);
}

static PyMethodDef Stamp_methods[] = {
    {"total_ns", (PyCFunction)Stamp_total_ns, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Stamp_slots[] = {
    {Py_tp_dealloc, Stamp_dealloc},
    {Py_tp_methods, Stamp_methods},
    {0, NULL}
};

static PyType_Spec Stamp_spec = {
    .name = "stampmod.Stamp",
    .basicsize = sizeof(StampObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = Stamp_slots,
};

static PyObject *
stamp(PyObject *module, PyObject *args)
{
    long seconds, nanos;

    if (!PyArg_ParseTuple(args, "ll:stamp", &seconds, &nanos))
        return NULL;
    if (seconds < 0 || seconds > 1000000000L || nanos < 0 || nanos >= 1000000000L) {
        PyErr_SetString(PyExc_ValueError, "timestamp out of range");
        return NULL;
    }
    stampmod_state *st = PyModule_GetState(module);
    StampObject *s = PyObject_New(StampObject, (PyTypeObject *)st->Stamp_Type);
    if (s == NULL)
        return NULL;
    s->seconds = seconds;
    s->nanos = nanos;
    return (PyObject *)s;
}

static PyMethodDef stampmod_methods[] = {
    {"stamp", stamp, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
stampmod_traverse(PyObject *m, visitproc visit, void *arg)
{
    stampmod_state *st = PyModule_GetState(m);
    Py_VISIT(st->Stamp_Type);
    return 0;
}

static int
stampmod_clear(PyObject *m)
{
    stampmod_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Stamp_Type);
    return 0;
}

static void
stampmod_free(void *m)
{
    (void)stampmod_clear((PyObject *)m);
}

static struct PyModuleDef stampmod_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "stampmod",
    .m_size = sizeof(stampmod_state),
    .m_methods = stampmod_methods,
    .m_traverse = stampmod_traverse,
    .m_clear = stampmod_clear,
    .m_free = stampmod_free,
};

PyMODINIT_FUNC
PyInit_stampmod(void)
{
    PyObject *m = PyModule_Create(&stampmod_module);
    if (m == NULL)
        return NULL;
    stampmod_state *st = PyModule_GetState(m);
    st->Stamp_Type = PyType_FromModuleAndSpec(m, &Stamp_spec, NULL);
    if (st->Stamp_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Stamp", st->Stamp_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
