/* clean: an object made with PyObject_New and never handed out may be
 * freed with PyObject_Del directly when its setup fails (its type has no
 * members to release): the reference the function held is gone with it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

typedef struct {
    PyObject_HEAD
    double *samples;
    Py_ssize_t n;
} BufferObject;

static void
buffer_dealloc(BufferObject *self)
{
    free(self->samples);
    PyObject_Del(self);
}

static PyTypeObject Buffer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sbuf.Buffer",
    .tp_basicsize = sizeof(BufferObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)buffer_dealloc,
};

static PyObject *
sbuf_make(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n <= 0 || n > 1000000) {
        PyErr_SetString(PyExc_ValueError, "size out of range");
        return NULL;
    }
    BufferObject *b = PyObject_New(BufferObject, &Buffer_Type);
    if (b == NULL)
        return NULL;
    b->n = n;
    b->samples = calloc((size_t)n, sizeof(double));
    if (b->samples == NULL) {
        PyObject_Del(b);
        return PyErr_NoMemory();
    }
    return (PyObject *)b;
}

static PyMethodDef sbuf_methods[] = {
    {"make", sbuf_make, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef sbuf_module = {
    PyModuleDef_HEAD_INIT, "sbuf", NULL, -1, sbuf_methods
};

PyMODINIT_FUNC
PyInit_sbuf(void)
{
    if (PyType_Ready(&Buffer_Type) < 0)
        return NULL;
    return PyModule_Create(&sbuf_module);
}
