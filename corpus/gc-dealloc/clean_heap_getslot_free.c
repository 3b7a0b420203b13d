/* clean: a heap type's dealloc in the limited-API style: it saves the type,
 * untracks, clears its member, looks up the free function with
 * PyType_GetSlot(tp, Py_tp_free) and calls it, and finally releases the
 * reference the instance held to its heap type (Py_DECREF(tp)). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *x;
} CellObject;

static PyObject *Cell_Type;

static int
Cell_traverse(CellObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->x);
    return 0;
}

static int
Cell_clear(CellObject *self)
{
    Py_CLEAR(self->x);
    return 0;
}

static void
Cell_dealloc(CellObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->x);
    freefunc f = PyType_GetSlot(tp, Py_tp_free);
    f(self);
    Py_DECREF(tp);
}

static int
Cell_init(CellObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", NULL};
    PyObject *x = Py_None;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Cell", kwlist, &x))
        return -1;
    Py_XSETREF(self->x, Py_NewRef(x));
    return 0;
}

static PyObject *
Cell_get(CellObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->x == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->x);
}

static PyMethodDef Cell_methods[] = {
    {"get", (PyCFunction)Cell_get, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Cell_slots[] = {
    {Py_tp_traverse, Cell_traverse},
    {Py_tp_clear, Cell_clear},
    {Py_tp_dealloc, Cell_dealloc},
    {Py_tp_init, Cell_init},
    {Py_tp_methods, Cell_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Cell_spec = {
    .name = "cells.Cell",
    .basicsize = sizeof(CellObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Cell_slots,
};

static struct PyModuleDef cells_module = {
    PyModuleDef_HEAD_INIT, "cells", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_cells(void)
{
    PyObject *m = PyModule_Create(&cells_module);
    if (m == NULL)
        return NULL;
    Cell_Type = PyType_FromSpec(&Cell_spec);
    if (Cell_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Cell", Cell_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
