/* clean: Validator exposes 'errors' through a READONLY T_OBJECT PyMemberDef
 * entry, but that member only holds a borrowed pointer to the module's
 * exception class (self->errors = ValidationError, no Py_INCREF): the
 * static global ValidationError keeps the class alive for the life of the
 * process.  The member owns nothing, so Validator_traverse visits only
 * 'rules', the one member that owns a reference, and clear/dealloc release
 * only 'rules'. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

static PyObject *ValidationError;   /* owned by this global, never released */

typedef struct {
    PyObject_HEAD
    PyObject *rules;        /* owned: a container of allowed values */
    PyObject *errors;       /* borrowed: always ValidationError */
} ValidatorObject;

static int
Validator_traverse(ValidatorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->rules);
    return 0;
}

static int
Validator_clear(ValidatorObject *self)
{
    Py_CLEAR(self->rules);
    return 0;
}

static void
Validator_dealloc(ValidatorObject *self)
{
    PyObject_GC_UnTrack(self);
    Validator_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Validator_init(ValidatorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"rules", NULL};
    PyObject *rules;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Validator", kwlist, &rules))
        return -1;
    Py_XSETREF(self->rules, Py_NewRef(rules));
    self->errors = ValidationError;
    return 0;
}

static PyObject *
Validator_check(ValidatorObject *self, PyObject *value)
{
    if (self->rules == NULL) {
        PyErr_SetString(PyExc_ValueError, "Validator is not initialized");
        return NULL;
    }
    int ok = PySequence_Contains(self->rules, value);
    if (ok < 0)
        return NULL;
    if (!ok) {
        PyErr_SetObject(ValidationError, value);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef Validator_methods[] = {
    {"check", (PyCFunction)Validator_check, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef Validator_members[] = {
    {"errors", T_OBJECT, offsetof(ValidatorObject, errors), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Validator_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "valmod.Validator",
    .tp_basicsize = sizeof(ValidatorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Validator_traverse,
    .tp_clear = (inquiry)Validator_clear,
    .tp_dealloc = (destructor)Validator_dealloc,
    .tp_methods = Validator_methods,
    .tp_members = Validator_members,
    .tp_init = (initproc)Validator_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef valmod_module = {
    PyModuleDef_HEAD_INIT, "valmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_valmod(void)
{
    if (PyType_Ready(&Validator_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&valmod_module);
    if (m == NULL)
        return NULL;
    if (ValidationError == NULL) {
        ValidationError = PyErr_NewException("valmod.ValidationError", NULL, NULL);
        if (ValidationError == NULL) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddObjectRef(m, "ValidationError", ValidationError) < 0
        || PyModule_AddObjectRef(m, "Validator", (PyObject *)&Validator_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
