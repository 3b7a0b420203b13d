/* clean: popping the top of an object stack hands the slot's reference to
 * the caller.  The count is lowered first (--self->depth, or
 * Py_SET_SIZE(self, Py_SIZE(self) - 1)) and the element at the new count
 * is no longer counted by the stack, so the helper's result is a new
 * reference and the caller's Py_DECREF is right. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t depth;
    PyObject **frames;      /* depth live frames */
    PyObject **marks;       /* Py_SIZE(self) live marks */
} TracerObject;

static PyObject *
frames_pop(TracerObject *self)
{
    if (self->depth <= 0) {
        PyErr_SetString(PyExc_IndexError, "no frame to pop");
        return NULL;
    }
    return self->frames[--self->depth];
}

static PyObject *
marks_pop(TracerObject *self)
{
    if (Py_SIZE(self) <= 0) {
        PyErr_SetString(PyExc_IndexError, "no mark to pop");
        return NULL;
    }
    Py_SET_SIZE(self, Py_SIZE(self) - 1);
    return self->marks[Py_SIZE(self)];
}

static PyObject *
Tracer_leave(TracerObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *frame = frames_pop(self);
    if (frame == NULL)
        return NULL;
    Py_DECREF(frame);
    PyObject *mark = marks_pop(self);
    if (mark == NULL)
        return NULL;
    return mark;
}

static PyMethodDef Tracer_methods[] = {
    {"leave", (PyCFunction)Tracer_leave, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Tracer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tracer.Tracer",
    .tp_basicsize = sizeof(TracerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Tracer_methods,
};

static struct PyModuleDef tracer_module = {
    PyModuleDef_HEAD_INIT, "tracer", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_tracer(void)
{
    if (PyType_Ready(&Tracer_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&tracer_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Tracer", (PyObject *)&Tracer_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
