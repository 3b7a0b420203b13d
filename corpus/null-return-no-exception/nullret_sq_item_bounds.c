/* null-return-no-exception: a sequence type's sq_item slot (called by
 * Python through the type's table) returns NULL for an out-of-range index
 * without raising IndexError, which also breaks iteration. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t size;
    long *data;
} RingObject;

static Py_ssize_t
ring_length(PyObject *op)
{
    return ((RingObject *)op)->size;
}

static PyObject *
ring_item(PyObject *op, Py_ssize_t i)
{
    RingObject *self = (RingObject *)op;
    if (i < 0 || i >= self->size)
        return NULL; // expected-warning{{null-return-no-exception}}
    return PyLong_FromLong(self->data[i]);
}

static PySequenceMethods ring_as_sequence = {
    .sq_length = ring_length,
    .sq_item = ring_item,
};

static PyTypeObject RingType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ring.Ring",
    .tp_basicsize = sizeof(RingObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_sequence = &ring_as_sequence,
};

static struct PyModuleDef ring_module = {
    PyModuleDef_HEAD_INIT, "ring", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_ring(void)
{
    if (PyType_Ready(&RingType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&ring_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Ring", (PyObject *)&RingType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
