/* gc-dealloc: Job_dealloc untracks the object and releases its members
 * but never frees the object's memory (no Py_TYPE(self)->tp_free(self),
 * no PyObject_GC_Del), so every Job ever created leaks its memory. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *result;
} JobObject;

static int
Job_traverse(JobObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->func);
    Py_VISIT(self->result);
    return 0;
}

static int
Job_clear(JobObject *self)
{
    Py_CLEAR(self->func);
    Py_CLEAR(self->result);
    return 0;
}

static void
Job_dealloc(JobObject *self) // expected-warning{{gc-dealloc}}
{
    PyObject_GC_UnTrack(self);
    Job_clear(self);
}

static int
Job_init(JobObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"func", NULL};
    PyObject *func;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Job", kwlist, &func))
        return -1;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "func must be callable");
        return -1;
    }
    Py_XSETREF(self->func, Py_NewRef(func));
    Py_CLEAR(self->result);
    return 0;
}

static PyObject *
Job_run(JobObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->func == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "job is not initialised");
        return NULL;
    }
    PyObject *func = Py_NewRef(self->func);
    PyObject *res = PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL)
        return NULL;
    Py_XSETREF(self->result, Py_NewRef(res));
    return res;
}

static PyMethodDef Job_methods[] = {
    {"run", (PyCFunction)Job_run, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Job_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "jobmod.Job",
    .tp_basicsize = sizeof(JobObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Job_traverse,
    .tp_clear = (inquiry)Job_clear,
    .tp_dealloc = (destructor)Job_dealloc,
    .tp_methods = Job_methods,
    .tp_init = (initproc)Job_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef jobmod_module = {
    PyModuleDef_HEAD_INIT, "jobmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_jobmod(void)
{
    if (PyType_Ready(&Job_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&jobmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Job", (PyObject *)&Job_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
