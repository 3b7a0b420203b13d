/* clean: all-zero sentinels may be spelled {NULL}, {NULL, NULL} or {0};
 * every table here ends with one, and each entry's flags fit its function. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t hits;
    Py_ssize_t misses;
} MeterObject;

static PyObject *
Meter_get_ratio(MeterObject *self, void *closure)
{
    Py_ssize_t total = self->hits + self->misses;
    if (total == 0)
        return PyFloat_FromDouble(0.0);
    return PyFloat_FromDouble((double)self->hits / (double)total);
}

static PyObject *
Meter_hit(MeterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->hits++;
    Py_RETURN_NONE;
}

static PyObject *
Meter_miss(MeterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->misses++;
    Py_RETURN_NONE;
}

static PyMethodDef Meter_methods[] = {
    {"hit", (PyCFunction)Meter_hit, METH_NOARGS, NULL},
    {"miss", (PyCFunction)Meter_miss, METH_NOARGS, NULL},
    {NULL, NULL}
};

static PyGetSetDef Meter_getset[] = {
    {"ratio", (getter)Meter_get_ratio, NULL, NULL, NULL},
    {0}
};

static PyMemberDef Meter_members[] = {
    {"hits", T_PYSSIZET, offsetof(MeterObject, hits), READONLY, NULL},
    {"misses", T_PYSSIZET, offsetof(MeterObject, misses), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
meter_new(PyObject *module, PyObject *Py_UNUSED(ignored));

static PyMethodDef meter_module_methods[] = {
    {"new", meter_new, METH_NOARGS, NULL},
    {NULL}
};

static PyTypeObject Meter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "meter.Meter",
    .tp_basicsize = sizeof(MeterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Meter_methods,
    .tp_members = Meter_members,
    .tp_getset = Meter_getset,
    .tp_new = PyType_GenericNew,
};

static PyObject *
meter_new(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyObject_CallNoArgs((PyObject *)&Meter_Type);
}

static struct PyModuleDef meter_module = {
    PyModuleDef_HEAD_INIT, "meter", NULL, -1, meter_module_methods
};

PyMODINIT_FUNC
PyInit_meter(void)
{
    if (PyType_Ready(&Meter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&meter_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Meter", (PyObject *)&Meter_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
