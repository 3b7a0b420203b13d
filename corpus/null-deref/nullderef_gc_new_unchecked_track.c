/* null-deref: PyObject_GC_New() fails with MemoryError by returning NULL;
 * the constructor hands its result to PyObject_GC_Track() unchecked, which
 * dereferences it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    unsigned char digest[20];
} DigestObject;

static int
digest_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    return 0;
}

static void
digest_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    PyObject_GC_Del(op);
    Py_DECREF(tp);
}

static PyType_Slot digest_slots[] = {
    {Py_tp_traverse, digest_traverse},
    {Py_tp_dealloc, digest_dealloc},
    {0, NULL}
};

static PyType_Spec digest_spec = {
    .name = "digests.Digest",
    .basicsize = sizeof(DigestObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = digest_slots,
};

static PyObject *
digest_new(PyObject *module, PyObject *unused)
{
    (void)unused;
    PyTypeObject *tp = *(PyTypeObject **)PyModule_GetState(module);
    DigestObject *d = PyObject_GC_New(DigestObject, tp);
    PyObject_GC_Track((PyObject *)d); // expected-warning{{null-deref}}
    return (PyObject *)d;
}

static PyMethodDef digests_methods[] = {
    {"new", digest_new, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
digests_exec(PyObject *module)
{
    PyObject *tp = PyType_FromModuleAndSpec(module, &digest_spec, NULL);
    if (tp == NULL)
        return -1;
    *(PyObject **)PyModule_GetState(module) = tp;
    return 0;
}

static PyModuleDef_Slot digests_module_slots[] = {
    {Py_mod_exec, digests_exec},
    {0, NULL}
};

static struct PyModuleDef digests_module = {
    PyModuleDef_HEAD_INIT, "digests", NULL, sizeof(PyObject *),
    digests_methods, digests_module_slots, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_digests(void)
{
    return PyModuleDef_Init(&digests_module);
}
