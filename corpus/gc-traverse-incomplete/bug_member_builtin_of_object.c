/* gc-traverse-incomplete: Hook keeps a builtin 'fire' made with
 * PyCFunction_NewEx whose self is the object the caller registered.  That
 * builtin refers strongly to an arbitrary object, which may refer back to
 * the hook, yet Hook_traverse does not visit 'fire': the cycle is never
 * collected.  (Its clear does clear it.) */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *fire;                     /* builtin bound to the target */
} HookObject;

static PyObject *
hook_fire(PyObject *target, PyObject *Py_UNUSED(arg))
{
    return PyObject_CallNoArgs(target);
}

static PyMethodDef hook_fire_def = {
    "_fire", (PyCFunction)hook_fire, METH_O, NULL
};

static int
Hook_traverse(HookObject *self, visitproc visit, void *arg) // expected-warning{{gc-traverse-incomplete}}
{
    return 0;
}

static int
Hook_clear(HookObject *self)
{
    Py_CLEAR(self->fire);
    return 0;
}

static void
Hook_dealloc(HookObject *self)
{
    PyObject_GC_UnTrack(self);
    Hook_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Hook_set(HookObject *self, PyObject *target)
{
    PyObject *fire = PyCFunction_NewEx(&hook_fire_def, target, NULL);
    if (fire == NULL)
        return NULL;
    Py_XSETREF(self->fire, fire);
    Py_RETURN_NONE;
}

static PyMethodDef Hook_methods[] = {
    {"set", (PyCFunction)Hook_set, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Hook_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hooks.Hook",
    .tp_basicsize = sizeof(HookObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Hook_traverse,
    .tp_clear = (inquiry)Hook_clear,
    .tp_dealloc = (destructor)Hook_dealloc,
    .tp_methods = Hook_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef hooks_module = {
    PyModuleDef_HEAD_INIT, "hooks", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_hooks(void)
{
    if (PyType_Ready(&Hook_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hooks_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Hook", (PyObject *)&Hook_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
