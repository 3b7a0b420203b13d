/* exception-state: the property setter stores PyLong_AsLong()'s result and
 * returns 0 (success) even when the conversion failed with an exception set. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long limit;
} LimiterObject;

static PyObject *
Limiter_get_limit(LimiterObject *self, void *closure)
{
    return PyLong_FromLong(self->limit);
}

static int
Limiter_set_limit(LimiterObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete 'limit'");
        return -1;
    }
    self->limit = PyLong_AsLong(value);
    return 0; // expected-warning{{exception-state}}
}

static PyGetSetDef Limiter_getset[] = {
    {"limit", (getter)Limiter_get_limit, (setter)Limiter_set_limit, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject LimiterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "limiter.Limiter",
    .tp_basicsize = sizeof(LimiterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_getset = Limiter_getset,
};

static PyObject *
limiter_unlimited(PyObject *self, PyObject *unused)
{
    LimiterObject *obj = PyObject_New(LimiterObject, &LimiterType);
    if (obj == NULL)
        return NULL;
    obj->limit = -1;
    return (PyObject *)obj;
}

static PyMethodDef limiter_methods[] = {
    {"unlimited", limiter_unlimited, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef limiter_module = {
    PyModuleDef_HEAD_INIT, "limiter", NULL, -1, limiter_methods
};

PyMODINIT_FUNC
PyInit_limiter(void)
{
    if (PyType_Ready(&LimiterType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&limiter_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Limiter", (PyObject *)&LimiterType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
