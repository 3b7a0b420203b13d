/* clean: make_counter() stores the only object member before
 * PyObject_GC_Track; what it writes after tracking is a plain C field
 * ('hits'), which the collector never looks at. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *key;
    Py_ssize_t hits;
} CounterObject;

static int
Counter_traverse(CounterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->key);
    return 0;
}

static int
Counter_clear(CounterObject *self)
{
    Py_CLEAR(self->key);
    return 0;
}

static void
Counter_dealloc(CounterObject *self)
{
    PyObject_GC_UnTrack(self);
    Counter_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Counter_hit(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->hits == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "too many hits");
        return NULL;
    }
    self->hits++;
    return PyLong_FromSsize_t(self->hits);
}

static PyMethodDef Counter_methods[] = {
    {"hit", (PyCFunction)Counter_hit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Counter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hitmod.Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Counter_traverse,
    .tp_clear = (inquiry)Counter_clear,
    .tp_dealloc = (destructor)Counter_dealloc,
    .tp_methods = Counter_methods,
};

static PyObject *
make_counter(PyObject *module, PyObject *key)
{
    CounterObject *c = PyObject_GC_New(CounterObject, &Counter_Type);
    if (c == NULL)
        return NULL;
    c->key = Py_NewRef(key);
    PyObject_GC_Track(c);
    c->hits = 0;
    return (PyObject *)c;
}

static PyMethodDef hitmod_methods[] = {
    {"make_counter", make_counter, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef hitmod_module = {
    PyModuleDef_HEAD_INIT, "hitmod", NULL, -1, hitmod_methods
};

PyMODINIT_FUNC
PyInit_hitmod(void)
{
    if (PyType_Ready(&Counter_Type) < 0)
        return NULL;
    return PyModule_Create(&hitmod_module);
}
