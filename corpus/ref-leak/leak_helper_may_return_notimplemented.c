/* bug: the slots of a Gauge type start from Py_NotImplemented, replace it
 * with a helper's new reference, and add a reference when the result is
 * NotImplemented, as if it were still the borrowed start value.  Each
 * helper here can return a new reference to NotImplemented itself:
 * gauge_convert() through Py_RETURN_NOTIMPLEMENTED before its floor
 * division, gauge_apply() through a generic call of a user's converter,
 * gauge_negated() through the __neg__ of the operand (a unary operation
 * hands the slot's result back unchecked).  That reference leaks.  And
 * gauge_sum_or_none() tests the result of PyNumber_Add for None, which
 * it may be: returning None there drops the sum's reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *level;      /* an int */
    PyObject *converter;  /* a callable, or NULL */
} GaugeObject;

static PyTypeObject Gauge_Type;

#define Gauge_Check(o) PyObject_TypeCheck(o, &Gauge_Type)

static PyObject *
gauge_convert(GaugeObject *g, PyObject *step)
{
    if (!PyLong_Check(step))
        Py_RETURN_NOTIMPLEMENTED;
    return PyNumber_FloorDivide(g->level, step);
}

static PyObject *
gauge_apply(GaugeObject *g, PyObject *other)
{
    if (g->converter == NULL)
        return PyNumber_Add(g->level, other);
    return PyObject_CallOneArg(g->converter, other);
}

static PyObject *
gauge_negated(PyObject *other)
{
    return PyNumber_Negative(other);
}

static PyObject *
gauge_floordiv(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;
    if (Gauge_Check(left))
        result = gauge_convert((GaugeObject *)left, right);   // expected-warning{{ref-leak}}
    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyObject *
gauge_add(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;
    if (Gauge_Check(left))
        result = gauge_apply((GaugeObject *)left, right);   // expected-warning{{ref-leak}}
    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyObject *
gauge_sub(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;
    if (Gauge_Check(left))
        result = gauge_negated(right);   // expected-warning{{ref-leak}}
    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyObject *
gauge_sum_or_none(PyObject *self, PyObject *other)
{
    GaugeObject *g = (GaugeObject *)self;
    PyObject *sum = PyNumber_Add(g->level, other);   // expected-warning{{ref-leak}}
    if (sum == NULL)
        return NULL;
    if (sum == Py_None)
        Py_RETURN_NONE;
    return sum;
}

static PyNumberMethods gauge_as_number = {
    .nb_add = gauge_add,
    .nb_subtract = gauge_sub,
    .nb_floor_divide = gauge_floordiv,
};

static PyMethodDef gauge_methods[] = {
    {"sum_or_none", gauge_sum_or_none, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Gauge_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gauge.Gauge",
    .tp_basicsize = sizeof(GaugeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_number = &gauge_as_number,
    .tp_methods = gauge_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef gauge_module = {
    PyModuleDef_HEAD_INIT, "gauge", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_gauge(void)
{
    if (PyType_Ready(&Gauge_Type) < 0)
        return NULL;
    return PyModule_Create(&gauge_module);
}
