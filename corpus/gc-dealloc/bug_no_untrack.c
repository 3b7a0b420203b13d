/* gc-dealloc: Frame_dealloc never calls PyObject_GC_UnTrack.  It releases
 * its members while the object is still in the collector's list, and then
 * frees memory the collector still links to. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *code;
    PyObject *locals;
} FrameObject;

static int
Frame_traverse(FrameObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->code);
    Py_VISIT(self->locals);
    return 0;
}

static int
Frame_clear(FrameObject *self)
{
    Py_CLEAR(self->code);
    Py_CLEAR(self->locals);
    return 0;
}

static void
Frame_dealloc(FrameObject *self)
{
    Py_CLEAR(self->code); // expected-warning{{gc-dealloc}}
    Py_CLEAR(self->locals);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Frame_init(FrameObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"code", NULL};
    PyObject *code;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Frame", kwlist, &code))
        return -1;
    PyObject *locals = PyDict_New();
    if (locals == NULL)
        return -1;
    Py_XSETREF(self->code, Py_NewRef(code));
    Py_XSETREF(self->locals, locals);
    return 0;
}

static PyTypeObject Frame_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "framemod.Frame",
    .tp_basicsize = sizeof(FrameObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Frame_traverse,
    .tp_clear = (inquiry)Frame_clear,
    .tp_dealloc = (destructor)Frame_dealloc,
    .tp_init = (initproc)Frame_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef framemod_module = {
    PyModuleDef_HEAD_INIT, "framemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_framemod(void)
{
    if (PyType_Ready(&Frame_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&framemod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Frame", (PyObject *)&Frame_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
