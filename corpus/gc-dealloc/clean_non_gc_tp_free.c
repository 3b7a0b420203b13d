/* clean: Name is not a GC type (its only object member is a str it creates
 * itself), so its dealloc releases the member and frees with tp_free
 * without any PyObject_GC_UnTrack; nothing here is tracked. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *text;
} NameObject;

static void
Name_dealloc(NameObject *self)
{
    Py_XDECREF(self->text);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Name_init(NameObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"text", NULL};
    const char *text;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s:Name", kwlist, &text))
        return -1;
    PyObject *s = PyUnicode_FromString(text);
    if (s == NULL)
        return -1;
    Py_XSETREF(self->text, s);
    return 0;
}

static PyObject *
Name_str(NameObject *self)
{
    if (self->text == NULL)
        return PyUnicode_FromString("");
    return Py_NewRef(self->text);
}

static PyTypeObject Name_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nameok.Name",
    .tp_basicsize = sizeof(NameObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Name_dealloc,
    .tp_str = (reprfunc)Name_str,
    .tp_init = (initproc)Name_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef nameok_module = {
    PyModuleDef_HEAD_INIT, "nameok", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_nameok(void)
{
    if (PyType_Ready(&Name_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&nameok_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Name", (PyObject *)&Name_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
