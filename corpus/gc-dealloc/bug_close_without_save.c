/* gc-dealloc: Reader_dealloc calls file.close(), which runs arbitrary
 * Python code and can raise, without saving the exception that may
 * already be set when the reader is released (deallocation often happens
 * while an exception propagates).  PyErr_WriteUnraisable and the call
 * itself then clobber that pending exception.  The current exception must
 * be saved with PyErr_Fetch before the call and restored afterwards. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *file;
} ReaderObject;

static int
Reader_traverse(ReaderObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->file);
    return 0;
}

static int
Reader_clear(ReaderObject *self)
{
    Py_CLEAR(self->file);
    return 0;
}

static void
Reader_dealloc(ReaderObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->file != NULL) {
        PyObject *res = PyObject_CallMethod(self->file, "close", NULL); // expected-warning{{gc-dealloc}}
        if (res == NULL)
            PyErr_WriteUnraisable(self->file);
        else
            Py_DECREF(res);
    }
    Reader_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Reader_init(ReaderObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", NULL};
    PyObject *file;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Reader", kwlist, &file))
        return -1;
    Py_XSETREF(self->file, Py_NewRef(file));
    return 0;
}

static PyObject *
Reader_read(ReaderObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->file == NULL) {
        PyErr_SetString(PyExc_ValueError, "reader is closed");
        return NULL;
    }
    PyObject *file = Py_NewRef(self->file);
    PyObject *data = PyObject_CallMethod(file, "read", NULL);
    Py_DECREF(file);
    return data;
}

static PyMethodDef Reader_methods[] = {
    {"read", (PyCFunction)Reader_read, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Reader_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readmod.Reader",
    .tp_basicsize = sizeof(ReaderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Reader_traverse,
    .tp_clear = (inquiry)Reader_clear,
    .tp_dealloc = (destructor)Reader_dealloc,
    .tp_methods = Reader_methods,
    .tp_init = (initproc)Reader_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef readmod_module = {
    PyModuleDef_HEAD_INIT, "readmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_readmod(void)
{
    if (PyType_Ready(&Reader_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&readmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Reader", (PyObject *)&Reader_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
