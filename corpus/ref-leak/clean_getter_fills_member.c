/* clean: registry_labels() returns the registry's 'labels' dict, a
 * borrowed reference: the member's, read as it is, or made on first use
 * and kept in the member (the only reference, owned by the object from
 * then on).  Every path returns a reference the object owns, so callers
 * that use it without releasing it, or add their own to return it, leak
 * nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *labels;       /* owned, made on first use */
} RegistryObject;

/* Borrowed: the labels dict, made when first asked for. */
static PyObject *
registry_labels(RegistryObject *self)
{
    PyObject *labels = self->labels;
    if (labels == NULL)
        labels = self->labels = PyDict_New();
    return labels;
}

static PyObject *
Registry_label(RegistryObject *self, PyObject *args)
{
    PyObject *key, *label;
    if (!PyArg_ParseTuple(args, "OU:label", &key, &label))
        return NULL;
    PyObject *labels = registry_labels(self);
    if (labels == NULL)
        return NULL;
    if (PyDict_SetItem(labels, key, label) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
Registry_get_labels(RegistryObject *self, void *Py_UNUSED(closure))
{
    PyObject *labels = registry_labels(self);
    Py_XINCREF(labels);
    return labels;
}

static void
Registry_dealloc(RegistryObject *self)
{
    Py_XDECREF(self->labels);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Registry_methods[] = {
    {"label", (PyCFunction)Registry_label, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef Registry_getset[] = {
    {"labels", (getter)Registry_get_labels, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyTypeObject Registry_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "registry.Registry",
    .tp_basicsize = sizeof(RegistryObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Registry_dealloc,
    .tp_methods = Registry_methods,
    .tp_getset = Registry_getset,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef registry_module = {
    PyModuleDef_HEAD_INIT, "registry", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_registry(void)
{
    if (PyType_Ready(&Registry_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&registry_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Registry", (PyObject *)&Registry_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
