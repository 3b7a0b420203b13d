/* clean: Meter is a heap type the module makes in its Py_mod_exec slot.
 * Its methods find the module through the type: PyType_GetModule() of the
 * defining class they receive (METH_METHOD), or PyType_GetModuleByDef()
 * of the instance's type.  Both fail only for a type the module did not
 * make, which never reaches these methods, so the results are used
 * without a check and no exception can be pending when they return. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long readings;
    PyObject *Meter_Type;
} meter_state;

static struct PyModuleDef meter_module;

typedef struct {
    PyObject_HEAD
    double last;
} MeterObject;

static void
Meter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *
Meter_read(PyObject *self, PyTypeObject *cls, PyObject *const *args,
           Py_ssize_t nargs, PyObject *kwnames)
{
    (void)args;
    if (nargs != 0 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "read() takes no arguments");
        return NULL;
    }
    PyObject *module = PyType_GetModule(cls);
    meter_state *st = PyModule_GetState(module);
    st->readings++;
    return PyFloat_FromDouble(((MeterObject *)self)->last);
}

static PyObject *
Meter_count(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *module = PyType_GetModuleByDef(Py_TYPE(self), &meter_module);
    meter_state *st = PyModule_GetState(module);
    return PyLong_FromLong(st->readings);
}

static PyMethodDef Meter_methods[] = {
    {"read", (PyCFunction)(void (*)(void))Meter_read,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"count", Meter_count, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyType_Slot Meter_slots[] = {
    {Py_tp_dealloc, Meter_dealloc},
    {Py_tp_methods, Meter_methods},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL}
};

static PyType_Spec Meter_spec = {
    .name = "meters.Meter",
    .basicsize = sizeof(MeterObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Meter_slots,
};

static int
meters_exec(PyObject *m)
{
    meter_state *st = PyModule_GetState(m);
    st->readings = 0;
    st->Meter_Type = PyType_FromModuleAndSpec(m, &Meter_spec, NULL);
    if (st->Meter_Type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "Meter", st->Meter_Type) < 0)
        return -1;
    return 0;
}

static int
meters_traverse(PyObject *m, visitproc visit, void *arg)
{
    meter_state *st = PyModule_GetState(m);
    Py_VISIT(st->Meter_Type);
    return 0;
}

static int
meters_clear(PyObject *m)
{
    meter_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Meter_Type);
    return 0;
}

static void
meters_free(void *m)
{
    (void)meters_clear((PyObject *)m);
}

static PyModuleDef_Slot meters_slots[] = {
    {Py_mod_exec, meters_exec},
    {0, NULL}
};

static struct PyModuleDef meter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "meters",
    .m_size = sizeof(meter_state),
    .m_slots = meters_slots,
    .m_traverse = meters_traverse,
    .m_clear = meters_clear,
    .m_free = meters_free,
};

PyMODINIT_FUNC
PyInit_meters(void)
{
    return PyModuleDef_Init(&meter_module);
}
