/* methoddef-mismatch: METH_METHOD | METH_FASTCALL | METH_KEYWORDS passes
 * the defining class as well (five arguments); 'Counter_bump' omits it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long value;
} CounterObject;

static PyObject *
Counter_bump(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
             PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyErr_SetString(PyExc_TypeError, "bump() takes no keyword arguments");
        return NULL;
    }
    long step = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "bump() takes at most one argument");
        return NULL;
    }
    if (nargs == 1) {
        step = PyLong_AsLong(args[0]);
        if (step == -1 && PyErr_Occurred())
            return NULL;
    }
    ((CounterObject *)self)->value += step;
    return PyLong_FromLong(((CounterObject *)self)->value);
}

static PyMethodDef Counter_methods[] = {
    {"bump", (PyCFunction)(void (*)(void))Counter_bump, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_methods, Counter_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Counter_spec = {
    "counter.Counter", sizeof(CounterObject), 0, Py_TPFLAGS_DEFAULT, Counter_slots
};

static int
counter_exec(PyObject *m)
{
    PyObject *type = PyType_FromModuleAndSpec(m, &Counter_spec, NULL);
    if (type == NULL)
        return -1;
    int rc = PyModule_AddObjectRef(m, "Counter", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot counter_slots[] = {
    {Py_mod_exec, counter_exec},
    {0, NULL}
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT, "counter", NULL, 0, NULL, counter_slots
};

PyMODINIT_FUNC
PyInit_counter(void)
{
    return PyModuleDef_Init(&counter_module);
}
