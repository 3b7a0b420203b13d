/* clean: Reader and Writer share one instance struct and one allocation
 * helper, new_stream(type).  Only Reader objects are given an object the
 * caller chose ('source'), and Reader is a GC type that visits it.
 * Writer objects only ever get a bytes buffer, so Writer rightly has no
 * Py_TPFLAGS_HAVE_GC: the store into a Reader's 'source' says nothing
 * about Writer objects. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *source;                   /* Reader: any object */
    PyObject *buffer;                   /* Writer: bytes */
} StreamObject;

static PyTypeObject Reader_Type;
static PyTypeObject Writer_Type;

static StreamObject *
new_stream(PyTypeObject *type)
{
    StreamObject *self = (StreamObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->source = NULL;
    self->buffer = NULL;
    return self;
}

static PyObject *
Reader_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwds)
{
    PyObject *source;
    if (!PyArg_ParseTuple(args, "O:Reader", &source))
        return NULL;
    StreamObject *self = new_stream(&Reader_Type);
    if (self == NULL)
        return NULL;
    Py_INCREF(source);
    self->source = source;
    return (PyObject *)self;
}

static int
Reader_traverse(StreamObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->source);
    return 0;
}

static int
Reader_clear(StreamObject *self)
{
    Py_CLEAR(self->source);
    return 0;
}

static void
Reader_dealloc(StreamObject *self)
{
    PyObject_GC_UnTrack(self);
    Reader_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Writer_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwds)
{
    Py_ssize_t size = 0;
    if (!PyArg_ParseTuple(args, "|n:Writer", &size))
        return NULL;
    StreamObject *self = new_stream(&Writer_Type);
    if (self == NULL)
        return NULL;
    self->buffer = PyBytes_FromStringAndSize(NULL, size);
    if (self->buffer == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void
Writer_dealloc(StreamObject *self)
{
    Py_XDECREF(self->buffer);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Reader_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "streams.Reader",
    .tp_basicsize = sizeof(StreamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Reader_traverse,
    .tp_clear = (inquiry)Reader_clear,
    .tp_dealloc = (destructor)Reader_dealloc,
    .tp_new = Reader_new,
};

static PyTypeObject Writer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "streams.Writer",
    .tp_basicsize = sizeof(StreamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Writer_dealloc,
    .tp_new = Writer_new,
};

static struct PyModuleDef streams_module = {
    PyModuleDef_HEAD_INIT, "streams", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_streams(void)
{
    if (PyType_Ready(&Reader_Type) < 0 || PyType_Ready(&Writer_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&streams_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Reader", (PyObject *)&Reader_Type) < 0 ||
        PyModule_AddObjectRef(m, "Writer", (PyObject *)&Writer_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
