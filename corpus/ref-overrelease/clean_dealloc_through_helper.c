/* clean: two types share one way of freeing their instances, a helper
 * that releases the members and frees the object.  Each tp_dealloc hands
 * the dying object to it: the dealloc owns that object (its last reference
 * is gone), so giving it to the helper that frees it is not an
 * over-release. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *buffer;
    int open;
} StreamObject;

static void
close_stream(StreamObject *self)
{
    self->open = 0;
}

static void
free_stream(StreamObject *self)
{
    Py_XDECREF(self->buffer);
    PyObject_Free(self);
}

static void
Reader_dealloc(StreamObject *self)
{
    if (self->open)
        close_stream(self);
    free_stream(self);
}

static void
Writer_dealloc(StreamObject *self)
{
    free_stream(self);
}

static PyTypeObject ReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "streams.Reader",
    .tp_basicsize = sizeof(StreamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Reader_dealloc,
};

static PyTypeObject WriterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "streams.Writer",
    .tp_basicsize = sizeof(StreamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Writer_dealloc,
};

static struct PyModuleDef streams_module = {
    PyModuleDef_HEAD_INIT, "streams", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_streams(void)
{
    if (PyType_Ready(&ReaderType) < 0 || PyType_Ready(&WriterType) < 0)
        return NULL;
    return PyModule_Create(&streams_module);
}
