/* gc-alloc: Pair_Type is a GC type (Py_TPFLAGS_HAVE_GC), but pair()
 * allocates its instances with PyObject_New, which reserves no GC header
 * in front of the object.  Pair_dealloc's PyObject_GC_UnTrack and tp_free
 * (PyObject_GC_Del) then work on memory that was never there.  GC objects
 * must be allocated with PyObject_GC_New (or tp_alloc). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *first;
    PyObject *second;
} PairObject;

static int
Pair_traverse(PairObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->first);
    Py_VISIT(self->second);
    return 0;
}

static int
Pair_clear(PairObject *self)
{
    Py_CLEAR(self->first);
    Py_CLEAR(self->second);
    return 0;
}

static void
Pair_dealloc(PairObject *self)
{
    PyObject_GC_UnTrack(self);
    Pair_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Pair_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pairnew.Pair",
    .tp_basicsize = sizeof(PairObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Pair_traverse,
    .tp_clear = (inquiry)Pair_clear,
    .tp_dealloc = (destructor)Pair_dealloc,
};

static PyObject *
pair(PyObject *module, PyObject *args)
{
    PyObject *first, *second;

    if (!PyArg_ParseTuple(args, "OO:pair", &first, &second))
        return NULL;
    PairObject *p = PyObject_New(PairObject, &Pair_Type); // expected-warning{{gc-alloc}}
    if (p == NULL)
        return NULL;
    p->first = Py_NewRef(first);
    p->second = Py_NewRef(second);
    return (PyObject *)p;
}

static PyMethodDef pairnew_methods[] = {
    {"pair", pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pairnew_module = {
    PyModuleDef_HEAD_INIT, "pairnew", NULL, -1, pairnew_methods
};

PyMODINIT_FUNC
PyInit_pairnew(void)
{
    if (PyType_Ready(&Pair_Type) < 0)
        return NULL;
    return PyModule_Create(&pairnew_module);
}
