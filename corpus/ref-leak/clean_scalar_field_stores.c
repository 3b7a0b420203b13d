/* clean: stores into fields that hold no Python reference (an int, a
 * double, a malloc'd char buffer and a pointer to a plain C struct) are
 * not reference operations: overwriting them (self->count = 0,
 * self->ratio = 1.5, free(self->buf); self->buf = NULL) leaks nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

struct window {
    int width;
    int height;
};

typedef struct {
    PyObject_HEAD
    int count;
    double ratio;
    char *buf;
    struct window *win;
} MeterObject;

static void
Meter_dealloc(MeterObject *self)
{
    free(self->buf);
    free(self->win);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Meter_reset(MeterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->count = 0;
    self->ratio = 1.5;
    free(self->buf);
    self->buf = NULL;
    free(self->win);
    self->win = NULL;
    Py_RETURN_NONE;
}

static PyObject *
Meter_label(MeterObject *self, PyObject *args)
{
    const char *text;
    int width, height;
    if (!PyArg_ParseTuple(args, "sii", &text, &width, &height))
        return NULL;
    char *copy = malloc(strlen(text) + 1);
    if (copy == NULL)
        return PyErr_NoMemory();
    strcpy(copy, text);
    struct window *win = malloc(sizeof(*win));
    if (win == NULL) {
        free(copy);
        return PyErr_NoMemory();
    }
    win->width = width;
    win->height = height;
    free(self->buf);
    self->buf = copy;
    free(self->win);
    self->win = win;
    self->count++;
    self->ratio = (double)width / (height != 0 ? height : 1);
    Py_RETURN_NONE;
}

static PyObject *
Meter_describe(MeterObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromFormat("%s (%d)",
                                self->buf != NULL ? self->buf : "",
                                self->count);
}

static PyMethodDef Meter_methods[] = {
    {"reset", (PyCFunction)Meter_reset, METH_NOARGS, NULL},
    {"label", (PyCFunction)Meter_label, METH_VARARGS, NULL},
    {"describe", (PyCFunction)Meter_describe, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Meter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "meter.Meter",
    .tp_basicsize = sizeof(MeterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Meter_dealloc,
    .tp_methods = Meter_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef meter_module = {
    PyModuleDef_HEAD_INIT, "meter", NULL, -1, NULL
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
