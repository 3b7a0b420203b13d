/* clean: a buffer export stores the exporter in view->obj and then adds
 * the reference the view holds with Py_INCREF(view->obj); the consumer's
 * PyBuffer_Release() drops it.  The member owns that reference, even
 * though nothing in this file releases it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    char data[64];
    Py_ssize_t exports;
} BlockObject;

static int
Block_getbuffer(BlockObject *self, Py_buffer *view, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "NULL view");
        return -1;
    }
    view->buf = self->data;
    view->len = sizeof self->data;
    view->readonly = 0;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) ? "B" : NULL;
    view->ndim = 1;
    view->shape = NULL;
    view->strides = NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    view->obj = (PyObject *)self;
    Py_INCREF(view->obj);
    self->exports++;
    return 0;
}

static void
Block_releasebuffer(BlockObject *self, Py_buffer *view)
{
    self->exports--;
}

static PyBufferProcs Block_as_buffer = {
    (getbufferproc)Block_getbuffer,
    (releasebufferproc)Block_releasebuffer,
};

static PyTypeObject BlockType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "blocks.Block",
    .tp_basicsize = sizeof(BlockObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_buffer = &Block_as_buffer,
};

static struct PyModuleDef blocks_module = {
    PyModuleDef_HEAD_INIT, "blocks", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_blocks(void)
{
    if (PyType_Ready(&BlockType) < 0)
        return NULL;
    return PyModule_Create(&blocks_module);
}
