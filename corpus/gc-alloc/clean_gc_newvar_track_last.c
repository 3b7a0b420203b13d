/* clean: the variable-size GC type Blob is allocated with
 * PyObject_GC_NewVar; its bytes and its 'tag' member are filled in and
 * PyObject_GC_Track is the last step before returning it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_VAR_HEAD
    PyObject *tag;
    char data[1];
} BlobObject;

static int
Blob_traverse(BlobObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->tag);
    return 0;
}

static int
Blob_clear(BlobObject *self)
{
    Py_CLEAR(self->tag);
    return 0;
}

static void
Blob_dealloc(BlobObject *self)
{
    PyObject_GC_UnTrack(self);
    Blob_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Blob_bytes(BlobObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBytes_FromStringAndSize(self->data, Py_SIZE(self));
}

static PyMethodDef Blob_methods[] = {
    {"bytes", (PyCFunction)Blob_bytes, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Blob_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "blobok.Blob",
    .tp_basicsize = sizeof(BlobObject),
    .tp_itemsize = 1,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Blob_traverse,
    .tp_clear = (inquiry)Blob_clear,
    .tp_dealloc = (destructor)Blob_dealloc,
    .tp_methods = Blob_methods,
};

static PyObject *
blob(PyObject *module, PyObject *args)
{
    PyObject *tag;
    const char *buf;
    Py_ssize_t len;

    if (!PyArg_ParseTuple(args, "Oy#:blob", &tag, &buf, &len))
        return NULL;
    BlobObject *b = PyObject_GC_NewVar(BlobObject, &Blob_Type, len);
    if (b == NULL)
        return NULL;
    memcpy(b->data, buf, (size_t)len);
    b->data[len] = '\0';
    b->tag = Py_NewRef(tag);
    PyObject_GC_Track(b);
    return (PyObject *)b;
}

static PyMethodDef blobok_methods[] = {
    {"blob", blob, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef blobok_module = {
    PyModuleDef_HEAD_INIT, "blobok", NULL, -1, blobok_methods
};

PyMODINIT_FUNC
PyInit_blobok(void)
{
    if (PyType_Ready(&Blob_Type) < 0)
        return NULL;
    return PyModule_Create(&blobok_module);
}
