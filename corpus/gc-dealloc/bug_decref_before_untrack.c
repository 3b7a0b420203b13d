/* gc-dealloc: View_dealloc releases 'base' while the object is still
 * tracked by the collector.  Py_XDECREF can run arbitrary code (base's
 * finalizer), which may trigger a collection; the collector then calls
 * View_traverse on a half-destroyed object whose 'base' is a dangling
 * pointer.  PyObject_GC_UnTrack must come before the first release. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *base;
    Py_ssize_t offset;
} ViewObject;

static int
View_traverse(ViewObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->base);
    return 0;
}

static int
View_clear(ViewObject *self)
{
    Py_CLEAR(self->base);
    return 0;
}

static void
View_dealloc(ViewObject *self)
{
    Py_XDECREF(self->base); // expected-warning{{gc-dealloc}}
    PyObject_GC_UnTrack(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
View_init(ViewObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"base", "offset", NULL};
    PyObject *base;
    Py_ssize_t offset = 0;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:View", kwlist, &base, &offset))
        return -1;
    if (offset < 0) {
        PyErr_SetString(PyExc_ValueError, "offset must be >= 0");
        return -1;
    }
    Py_XSETREF(self->base, Py_NewRef(base));
    self->offset = offset;
    return 0;
}

static PyTypeObject View_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "viewmod.View",
    .tp_basicsize = sizeof(ViewObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)View_traverse,
    .tp_clear = (inquiry)View_clear,
    .tp_dealloc = (destructor)View_dealloc,
    .tp_init = (initproc)View_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef viewmod_module = {
    PyModuleDef_HEAD_INIT, "viewmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_viewmod(void)
{
    if (PyType_Ready(&View_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&viewmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "View", (PyObject *)&View_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
