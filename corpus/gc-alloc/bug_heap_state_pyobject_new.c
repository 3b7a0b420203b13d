/* gc-alloc: Task is a GC heap type created with PyType_FromModuleAndSpec
 * and kept in the module state.  submit() allocates a Task with
 * PyObject_New(TaskObject, (PyTypeObject *)st->Task_Type); the object
 * gets no GC header although the type is a GC type, so untracking and
 * freeing it in Task_dealloc corrupt memory.  PyObject_GC_New is needed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *Task_Type;
} tasknew_state;

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *args;
} TaskObject;

static int
Task_traverse(TaskObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->func);
    Py_VISIT(self->args);
    return 0;
}

static int
Task_clear(TaskObject *self)
{
    Py_CLEAR(self->func);
    Py_CLEAR(self->args);
    return 0;
}

static void
Task_dealloc(TaskObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Task_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyType_Slot Task_slots[] = {
    {Py_tp_traverse, Task_traverse},
    {Py_tp_clear, Task_clear},
    {Py_tp_dealloc, Task_dealloc},
    {0, NULL}
};

static PyType_Spec Task_spec = {
    .name = "tasknew.Task",
    .basicsize = sizeof(TaskObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = Task_slots,
};

static PyObject *
submit(PyObject *module, PyObject *args)
{
    PyObject *func;
    PyObject *rest;

    if (!PyArg_ParseTuple(args, "OO!:submit", &func, &PyTuple_Type, &rest))
        return NULL;
    tasknew_state *st = PyModule_GetState(module);
    TaskObject *task = PyObject_New(TaskObject, (PyTypeObject *)st->Task_Type); // expected-warning{{gc-alloc}}
    if (task == NULL)
        return NULL;
    task->func = Py_NewRef(func);
    task->args = Py_NewRef(rest);
    return (PyObject *)task;
}

static PyMethodDef tasknew_methods[] = {
    {"submit", submit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
tasknew_traverse(PyObject *m, visitproc visit, void *arg)
{
    tasknew_state *st = PyModule_GetState(m);
    Py_VISIT(st->Task_Type);
    return 0;
}

static int
tasknew_clear(PyObject *m)
{
    tasknew_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Task_Type);
    return 0;
}

static void
tasknew_free(void *m)
{
    (void)tasknew_clear((PyObject *)m);
}

static struct PyModuleDef tasknew_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "tasknew",
    .m_size = sizeof(tasknew_state),
    .m_methods = tasknew_methods,
    .m_traverse = tasknew_traverse,
    .m_clear = tasknew_clear,
    .m_free = tasknew_free,
};

PyMODINIT_FUNC
PyInit_tasknew(void)
{
    PyObject *m = PyModule_Create(&tasknew_module);
    if (m == NULL)
        return NULL;
    tasknew_state *st = PyModule_GetState(m);
    st->Task_Type = PyType_FromModuleAndSpec(m, &Task_spec, NULL);
    if (st->Task_Type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Task", st->Task_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
