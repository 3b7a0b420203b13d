/* clean: a member filled in lazily by a helper of the file.  After
 * "if (ensure_index(self) < 0) return NULL;" the member is set, even on
 * the path where it was NULL before the call: a call that is handed the
 * object may set its members, so what was known of them is dropped. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *index;    /* dict, made on first use; owned, may be NULL */
} TableObject;

static int
build_index(TableObject *self)
{
    self->index = PyDict_New();
    if (self->index == NULL)
        return -1;
    return 0;
}

#define ensure_index(t) ((t)->index != NULL ? 0 : build_index(t))

static PyObject *
table_lookup(TableObject *self, PyObject *key)
{
    if (ensure_index(self) < 0)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(self->index, key);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return Py_NewRef(v);
}

static int
table_traverse(TableObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->index);
    return 0;
}

static int
table_clear(TableObject *self)
{
    Py_CLEAR(self->index);
    return 0;
}

static void
table_dealloc(TableObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->index);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef table_methods[] = {
    {"lookup", (PyCFunction)table_lookup, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Table_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "table.Table",
    .tp_basicsize = sizeof(TableObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_traverse = (traverseproc)table_traverse,
    .tp_clear = (inquiry)table_clear,
    .tp_dealloc = (destructor)table_dealloc,
    .tp_methods = table_methods,
};

static struct PyModuleDef table_module = {
    PyModuleDef_HEAD_INIT, "table", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_table(void)
{
    if (PyType_Ready(&Table_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&table_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Table", (PyObject *)&Table_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
