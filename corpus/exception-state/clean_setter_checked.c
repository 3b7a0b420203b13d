/* clean: the property setter returns -1 when PyLong_AsLong() fails (checked
 * with PyErr_Occurred()) and 0 only once the value has been stored. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long capacity;
} PoolObject;

static PyObject *
Pool_get_capacity(PoolObject *self, void *closure)
{
    return PyLong_FromLong(self->capacity);
}

static int
Pool_set_capacity(PoolObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete 'capacity'");
        return -1;
    }
    long v = PyLong_AsLong(value);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v <= 0) {
        PyErr_SetString(PyExc_ValueError, "capacity must be positive");
        return -1;
    }
    self->capacity = v;
    return 0;
}

static PyGetSetDef Pool_getset[] = {
    {"capacity", (getter)Pool_get_capacity, (setter)Pool_set_capacity, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject PoolType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pool.Pool",
    .tp_basicsize = sizeof(PoolObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_getset = Pool_getset,
};

static PyObject *
pool_with_capacity(PyObject *self, PyObject *args)
{
    long capacity;
    if (!PyArg_ParseTuple(args, "l", &capacity))
        return NULL;
    if (capacity <= 0) {
        PyErr_SetString(PyExc_ValueError, "capacity must be positive");
        return NULL;
    }
    PoolObject *obj = PyObject_New(PoolObject, &PoolType);
    if (obj == NULL)
        return NULL;
    obj->capacity = capacity;
    return (PyObject *)obj;
}

static PyMethodDef pool_methods[] = {
    {"with_capacity", pool_with_capacity, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pool_module = {
    PyModuleDef_HEAD_INIT, "pool", NULL, -1, pool_methods
};

PyMODINIT_FUNC
PyInit_pool(void)
{
    if (PyType_Ready(&PoolType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pool_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Pool", (PyObject *)&PoolType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
