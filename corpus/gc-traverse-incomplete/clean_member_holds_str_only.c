/* clean: Job is a GC type because 'callback' holds an arbitrary callable,
 * and that member is visited and cleared.  'name' only ever holds a str
 * the type makes itself (PyUnicode_FromFormat, PyUnicode_FromString) and
 * 'data' only a bytes object from PyBytes_FromStringAndSize: neither can
 * refer back to anything, so traverse rightly leaves them out. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *callback;
    PyObject *name;
    PyObject *data;
} JobObject;

static int
Job_traverse(JobObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->callback);
    return 0;
}

static int
Job_clear(JobObject *self)
{
    Py_CLEAR(self->callback);
    return 0;
}

static void
Job_dealloc(JobObject *self)
{
    PyObject_GC_UnTrack(self);
    Job_clear(self);
    Py_XDECREF(self->name);
    Py_XDECREF(self->data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Job_init(JobObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tag", "callback", NULL};
    const char *tag;
    PyObject *callback;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "sO:Job", kwlist, &tag, &callback))
        return -1;
    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "callback must be callable");
        return -1;
    }
    PyObject *name = PyUnicode_FromFormat("job-%s", tag);
    if (name == NULL)
        return -1;
    Py_XSETREF(self->name, name);
    Py_XSETREF(self->callback, Py_NewRef(callback));
    return 0;
}

static PyObject *
Job_rename(JobObject *self, PyObject *args)
{
    const char *text;
    if (!PyArg_ParseTuple(args, "s", &text))
        return NULL;
    PyObject *name = PyUnicode_FromString(text);
    if (name == NULL)
        return NULL;
    Py_XSETREF(self->name, name);
    Py_RETURN_NONE;
}

static PyObject *
Job_load(JobObject *self, PyObject *args)
{
    const char *bytes;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#", &bytes, &len))
        return NULL;
    PyObject *data = PyBytes_FromStringAndSize(bytes, len);
    if (data == NULL)
        return NULL;
    Py_XSETREF(self->data, data);
    Py_RETURN_NONE;
}

static PyObject *
Job_run(JobObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->callback == NULL || self->name == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "job is not initialised");
        return NULL;
    }
    /* the callback may re-initialise the job: hold our own references */
    PyObject *callback = Py_NewRef(self->callback);
    PyObject *name = Py_NewRef(self->name);
    PyObject *data = Py_NewRef(self->data != NULL ? self->data : Py_None);
    PyObject *res = PyObject_CallFunctionObjArgs(callback, name, data, NULL);
    Py_DECREF(callback);
    Py_DECREF(name);
    Py_DECREF(data);
    return res;
}

static PyMethodDef Job_methods[] = {
    {"rename", (PyCFunction)Job_rename, METH_VARARGS, NULL},
    {"load", (PyCFunction)Job_load, METH_VARARGS, NULL},
    {"run", (PyCFunction)Job_run, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Job_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "jobs.Job",
    .tp_basicsize = sizeof(JobObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Job_traverse,
    .tp_clear = (inquiry)Job_clear,
    .tp_dealloc = (destructor)Job_dealloc,
    .tp_methods = Job_methods,
    .tp_init = (initproc)Job_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef jobs_module = {
    PyModuleDef_HEAD_INIT, "jobs", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_jobs(void)
{
    if (PyType_Ready(&Job_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&jobs_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Job", (PyObject *)&Job_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
