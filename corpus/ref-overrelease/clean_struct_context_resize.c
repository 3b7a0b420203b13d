/* clean: a new tuple kept in a member of a local struct (ctx.items) is
 * still the function's reference after the struct is handed to helpers
 * by address (which may resize it in place) and after
 * _PyTuple_Resize(&ctx.items, ...): returning ctx.items returns that
 * reference, and reading ctx.cap after storing PySequence_Size() into it
 * reads the value stored. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *items;
    Py_ssize_t used;
    Py_ssize_t cap;
} Collector;

static int
collector_grow(Collector *c, Py_ssize_t extra)
{
    c->cap = c->used + extra;
    if (_PyTuple_Resize(&c->items, c->cap) < 0)
        return -1;
    return 0;
}

static int
collector_add(Collector *c, PyObject *seq)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PySequence_Fast_GET_ITEM(seq, i);
        if (o == Py_None)
            continue;
        if (c->used >= c->cap && collector_grow(c, 1) < 0)
            return -1;
        Py_INCREF(o);
        PyTuple_SET_ITEM(c->items, c->used, o);
        c->used++;
    }
    return 0;
}

static PyObject *
gather(PyObject *module, PyObject *seq)
{
    Collector ctx;
    (void)module;
    if (!PyTuple_Check(seq) && !PyList_Check(seq)) {
        PyErr_SetString(PyExc_TypeError, "a tuple or a list is required");
        return NULL;
    }
    ctx.cap = PySequence_Size(seq);
    if (ctx.cap < 0)
        return NULL;
    if (ctx.cap == 0)
        return PyTuple_New(0);
    ctx.items = PyTuple_New(ctx.cap);
    if (ctx.items == NULL)
        return NULL;
    ctx.used = 0;
    if (collector_add(&ctx, seq) < 0) {
        Py_XDECREF(ctx.items);
        return NULL;
    }
    if (_PyTuple_Resize(&ctx.items, ctx.used))
        return NULL;
    return ctx.items;
}

static PyMethodDef gather_methods[] = {
    {"gather", gather, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef gather_module = {
    PyModuleDef_HEAD_INIT, "gather", NULL, -1, gather_methods
};

PyMODINIT_FUNC
PyInit_gather(void)
{
    return PyModule_Create(&gather_module);
}
