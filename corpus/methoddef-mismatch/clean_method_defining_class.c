/* clean: a METH_METHOD | METH_FASTCALL | METH_KEYWORDS method of a heap
 * type takes five parameters (self, defining_class, args, nargs, kwnames). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long created;
} tally_state;

typedef struct {
    PyObject_HEAD
    long value;
} TallyObject;

static PyObject *
Tally_add(PyObject *self, PyTypeObject *defining_class, PyObject *const *args,
          Py_ssize_t nargs, PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyErr_SetString(PyExc_TypeError, "add() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "add() takes exactly one argument");
        return NULL;
    }
    tally_state *st = (tally_state *)PyType_GetModuleState(defining_class);
    if (st == NULL)
        return NULL;
    long step = PyLong_AsLong(args[0]);
    if (step == -1 && PyErr_Occurred())
        return NULL;
    st->created++;
    ((TallyObject *)self)->value += step;
    return PyLong_FromLong(((TallyObject *)self)->value);
}

static PyObject *
Tally_value(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(((TallyObject *)self)->value);
}

static PyMethodDef Tally_methods[] = {
    {"add", (PyCFunction)(void (*)(void))Tally_add, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"value", Tally_value, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Tally_slots[] = {
    {Py_tp_methods, Tally_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Tally_spec = {
    "tally.Tally", sizeof(TallyObject), 0, Py_TPFLAGS_DEFAULT, Tally_slots
};

static int
tally_exec(PyObject *m)
{
    PyObject *type = PyType_FromModuleAndSpec(m, &Tally_spec, NULL);
    if (type == NULL)
        return -1;
    int rc = PyModule_AddObjectRef(m, "Tally", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot tally_slots[] = {
    {Py_mod_exec, tally_exec},
    {0, NULL}
};

static struct PyModuleDef tally_module = {
    PyModuleDef_HEAD_INIT, "tally", NULL, sizeof(tally_state), NULL, tally_slots
};

PyMODINIT_FUNC
PyInit_tally(void)
{
    return PyModuleDef_Init(&tally_module);
}
