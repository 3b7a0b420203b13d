/* clean: Greeter is not a GC type and does not need to be.  Its object
 * members hold only str objects it creates itself (PyUnicode_FromString,
 * PyUnicode_FromFormat) from C strings parsed with "s"; a str can never
 * refer back to the Greeter, so no cycle is possible. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *greeting;
} GreeterObject;

static void
Greeter_dealloc(GreeterObject *self)
{
    Py_XDECREF(self->name);
    Py_XDECREF(self->greeting);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Greeter_init(GreeterObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    const char *name;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s:Greeter", kwlist, &name))
        return -1;
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return -1;
    PyObject *g = PyUnicode_FromFormat("Hello, %s!", name);
    if (g == NULL) {
        Py_DECREF(n);
        return -1;
    }
    Py_XSETREF(self->name, n);
    Py_XSETREF(self->greeting, g);
    return 0;
}

static PyObject *
Greeter_greet(GreeterObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->greeting == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "greeter is not initialised");
        return NULL;
    }
    return Py_NewRef(self->greeting);
}

static PyMethodDef Greeter_methods[] = {
    {"greet", (PyCFunction)Greeter_greet, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Greeter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "greetmod.Greeter",
    .tp_basicsize = sizeof(GreeterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Greeter_dealloc,
    .tp_methods = Greeter_methods,
    .tp_init = (initproc)Greeter_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef greetmod_module = {
    PyModuleDef_HEAD_INIT, "greetmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_greetmod(void)
{
    if (PyType_Ready(&Greeter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&greetmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Greeter", (PyObject *)&Greeter_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
