/* clean: View_dealloc untracks first and only then releases its member
 * directly with Py_XDECREF (no tp_clear call), and frees with tp_free. */
// expected-no-diagnostics
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
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->base);
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
    .tp_name = "viewok.View",
    .tp_basicsize = sizeof(ViewObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)View_traverse,
    .tp_clear = (inquiry)View_clear,
    .tp_dealloc = (destructor)View_dealloc,
    .tp_init = (initproc)View_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef viewok_module = {
    PyModuleDef_HEAD_INIT, "viewok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_viewok(void)
{
    if (PyType_Ready(&View_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&viewok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "View", (PyObject *)&View_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
