/* clean: Pair is a GC type that is not subclassable (no
 * Py_TPFLAGS_BASETYPE) and whose instances are made only by the module's
 * pair() function with PyObject_GC_New, so its dealloc may free them with
 * PyObject_GC_Del directly instead of going through tp_free. */
// expected-no-diagnostics
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
    PyObject_GC_Del(self);
}

static PyTypeObject Pair_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pairdel.Pair",
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
    PairObject *p = PyObject_GC_New(PairObject, &Pair_Type);
    if (p == NULL)
        return NULL;
    p->first = Py_NewRef(first);
    p->second = Py_NewRef(second);
    PyObject_GC_Track(p);
    return (PyObject *)p;
}

static PyMethodDef pairdel_methods[] = {
    {"pair", pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pairdel_module = {
    PyModuleDef_HEAD_INIT, "pairdel", NULL, -1, pairdel_methods
};

PyMODINIT_FUNC
PyInit_pairdel(void)
{
    if (PyType_Ready(&Pair_Type) < 0)
        return NULL;
    return PyModule_Create(&pairdel_module);
}
