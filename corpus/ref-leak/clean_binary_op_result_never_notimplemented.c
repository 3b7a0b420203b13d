/* clean: span_floordiv and span_compare are slots of a Span type that
 * start from Py_NotImplemented and replace it with the result of a
 * helper of the file.  Each helper returns NULL, a new int, or the
 * result of an abstract binary operation (PyNumber_FloorDivide,
 * PyNumber_Multiply, PyObject_RichCompare): those turn a NotImplemented
 * from both operands into a TypeError, so they never return the
 * NotImplemented singleton (though they may return None, True or any
 * other object).  The final "result == Py_NotImplemented" test can only
 * be true for the untouched start value, a borrowed reference that the
 * Py_INCREF makes the caller's: nothing leaks. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long start, stop;
} SpanObject;

static PyTypeObject Span_Type;

#define Span_Check(o) PyObject_TypeCheck(o, &Span_Type)

static PyObject *
span_length(SpanObject *s)
{
    return PyLong_FromLong(s->stop - s->start);
}

/* how many times b fits into a: the floor division of the two lengths */
static PyObject *
span_ratio(SpanObject *a, SpanObject *b)
{
    PyObject *la = span_length(a);
    if (la == NULL)
        return NULL;
    PyObject *lb = span_length(b);
    if (lb == NULL) {
        Py_DECREF(la);
        return NULL;
    }
    PyObject *q = PyNumber_FloorDivide(la, lb);
    Py_DECREF(la);
    Py_DECREF(lb);
    return q;
}

/* the length scaled by a factor; a factor of 0 gives a new 0 */
static PyObject *
span_scaled_length(SpanObject *a, PyObject *factor)
{
    int zero = PyObject_Not(factor);
    if (zero < 0)
        return NULL;
    if (zero)
        return PyLong_FromLong(0);
    PyObject *len = span_length(a);
    if (len == NULL)
        return NULL;
    PyObject *res = PyNumber_Multiply(len, factor);
    Py_DECREF(len);
    return res;
}

static PyObject *
span_floordiv(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;

    if (Span_Check(left)) {
        if (Span_Check(right))
            result = span_ratio((SpanObject *)left, (SpanObject *)right);
        else if (PyLong_Check(right))
            result = span_scaled_length((SpanObject *)left, right);
    }

    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyObject *
span_compare(PyObject *self, PyObject *other, int op)
{
    PyObject *result = Py_NotImplemented;

    if (Span_Check(other)) {
        PyObject *la = span_length((SpanObject *)self);
        PyObject *lb = la ? span_length((SpanObject *)other) : NULL;
        result = lb ? PyObject_RichCompare(la, lb, op) : NULL;
        Py_XDECREF(la);
        Py_XDECREF(lb);
    }

    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyNumberMethods span_as_number = {
    .nb_floor_divide = span_floordiv,
};

static PyTypeObject Span_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "span.Span",
    .tp_basicsize = sizeof(SpanObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_number = &span_as_number,
    .tp_richcompare = span_compare,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef span_module = {
    PyModuleDef_HEAD_INIT, "span", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_span(void)
{
    if (PyType_Ready(&Span_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&span_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Span", (PyObject *)&Span_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
