/* clean: Gauge is a heap type without Py_TPFLAGS_HAVE_GC.  Its object
 * member only ever holds a float it creates itself (PyFloat_FromDouble of
 * a C double parsed with "d"), never an object taken from the arguments,
 * so it cannot be part of a reference cycle. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *reading;
} GaugeObject;

static PyObject *Gauge_Type;

static void
Gauge_dealloc(GaugeObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(self->reading);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Gauge_record(GaugeObject *self, PyObject *args)
{
    double value;

    if (!PyArg_ParseTuple(args, "d:record", &value))
        return NULL;
    PyObject *reading = PyFloat_FromDouble(value);
    if (reading == NULL)
        return NULL;
    Py_XSETREF(self->reading, reading);
    Py_RETURN_NONE;
}

static PyObject *
Gauge_last(GaugeObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->reading == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->reading);
}

static PyMethodDef Gauge_methods[] = {
    {"record", (PyCFunction)Gauge_record, METH_VARARGS, NULL},
    {"last", (PyCFunction)Gauge_last, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Gauge_slots[] = {
    {Py_tp_dealloc, Gauge_dealloc},
    {Py_tp_methods, Gauge_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Gauge_spec = {
    .name = "gaugemod.Gauge",
    .basicsize = sizeof(GaugeObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Gauge_slots,
};

static struct PyModuleDef gaugemod_module = {
    PyModuleDef_HEAD_INIT, "gaugemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_gaugemod(void)
{
    PyObject *m = PyModule_Create(&gaugemod_module);
    if (m == NULL)
        return NULL;
    Gauge_Type = PyType_FromSpec(&Gauge_spec);
    if (Gauge_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Gauge", Gauge_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
