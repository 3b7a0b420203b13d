/* gc-alloc: new_bucket() starts tracking the Bucket with
 * PyObject_GC_Track before its 'items' member has been stored.
 * PyObject_GC_New leaves members uninitialised, and PyList_New, called
 * right after, can trigger a collection that runs Bucket_traverse on the
 * garbage still in 'items'.  Track must come after every member is set. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *items;
} BucketObject;

static int
Bucket_traverse(BucketObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    Py_VISIT(self->items);
    return 0;
}

static int
Bucket_clear(BucketObject *self)
{
    Py_CLEAR(self->name);
    Py_CLEAR(self->items);
    return 0;
}

static void
Bucket_dealloc(BucketObject *self)
{
    PyObject_GC_UnTrack(self);
    Bucket_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Bucket_add(BucketObject *self, PyObject *item)
{
    if (self->items == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bucket has been cleared");
        return NULL;
    }
    if (PyList_Append(self->items, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef Bucket_methods[] = {
    {"add", (PyCFunction)Bucket_add, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Bucket_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bucketmod.Bucket",
    .tp_basicsize = sizeof(BucketObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Bucket_traverse,
    .tp_clear = (inquiry)Bucket_clear,
    .tp_dealloc = (destructor)Bucket_dealloc,
    .tp_methods = Bucket_methods,
};

static PyObject *
new_bucket(PyObject *module, PyObject *name)
{
    BucketObject *b = PyObject_GC_New(BucketObject, &Bucket_Type);
    if (b == NULL)
        return NULL;
    b->name = Py_NewRef(name);
    PyObject_GC_Track(b); // expected-warning{{gc-alloc}}
    b->items = PyList_New(0);
    if (b->items == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    return (PyObject *)b;
}

static PyMethodDef bucketmod_methods[] = {
    {"new_bucket", new_bucket, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef bucketmod_module = {
    PyModuleDef_HEAD_INIT, "bucketmod", NULL, -1, bucketmod_methods
};

PyMODINIT_FUNC
PyInit_bucketmod(void)
{
    if (PyType_Ready(&Bucket_Type) < 0)
        return NULL;
    return PyModule_Create(&bucketmod_module);
}
