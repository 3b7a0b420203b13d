/* clean: Outcome.capture() runs a callable and, when it raises, keeps the
 * exception in three fields (PyErr_Fetch straight into exc_type, exc_value
 * and exc_tb).  reraise() hands those three references to PyErr_Restore,
 * which takes them over, and then sets the fields to NULL: nothing leaks
 * and nothing is released twice.  The saved traceback can refer back to
 * the Outcome through a frame, so the type is GC-aware. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *exc_type;
    PyObject *exc_value;
    PyObject *exc_tb;
} OutcomeObject;

static int
Outcome_traverse(OutcomeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->exc_type);
    Py_VISIT(self->exc_value);
    Py_VISIT(self->exc_tb);
    return 0;
}

static int
Outcome_clear(OutcomeObject *self)
{
    Py_CLEAR(self->exc_type);
    Py_CLEAR(self->exc_value);
    Py_CLEAR(self->exc_tb);
    return 0;
}

static void
Outcome_dealloc(OutcomeObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->exc_type);
    Py_XDECREF(self->exc_value);
    Py_XDECREF(self->exc_tb);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Call func(); return its result, or None after saving its exception. */
static PyObject *
Outcome_capture(OutcomeObject *self, PyObject *func)
{
    PyObject *result = PyObject_CallNoArgs(func);
    if (result != NULL)
        return result;

    PyObject *old_type = self->exc_type;
    PyObject *old_value = self->exc_value;
    PyObject *old_tb = self->exc_tb;
    PyErr_Fetch(&self->exc_type, &self->exc_value, &self->exc_tb);
    Py_XDECREF(old_type);
    Py_XDECREF(old_value);
    Py_XDECREF(old_tb);
    Py_RETURN_NONE;
}

static PyObject *
Outcome_pending(OutcomeObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(self->exc_type != NULL);
}

/* Raise the saved exception again; the object forgets it. */
static PyObject *
Outcome_reraise(OutcomeObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->exc_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no exception was captured");
        return NULL;
    }
    PyErr_Restore(self->exc_type, self->exc_value, self->exc_tb);
    self->exc_type = self->exc_value = self->exc_tb = NULL;
    return NULL;
}

static PyMethodDef Outcome_methods[] = {
    {"capture", (PyCFunction)Outcome_capture, METH_O, NULL},
    {"pending", (PyCFunction)Outcome_pending, METH_NOARGS, NULL},
    {"reraise", (PyCFunction)Outcome_reraise, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Outcome_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "outcome.Outcome",
    .tp_basicsize = sizeof(OutcomeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Outcome_traverse,
    .tp_clear = (inquiry)Outcome_clear,
    .tp_dealloc = (destructor)Outcome_dealloc,
    .tp_methods = Outcome_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef outcome_module = {
    PyModuleDef_HEAD_INIT, "outcome", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_outcome(void)
{
    if (PyType_Ready(&Outcome_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&outcome_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Outcome", (PyObject *)&Outcome_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
