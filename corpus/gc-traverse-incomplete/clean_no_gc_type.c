/* clean: Label does not set Py_TPFLAGS_HAVE_GC and has no tp_traverse, so
 * the traverse rule does not apply.  It does not need GC support either:
 * its only object member holds a str that Label creates itself from a C
 * string, and a str cannot take part in a reference cycle. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *text;
} LabelObject;

static void
Label_dealloc(LabelObject *self)
{
    Py_XDECREF(self->text);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Label_init(LabelObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"text", NULL};
    const char *text;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s:Label", kwlist, &text))
        return -1;
    PyObject *s = PyUnicode_FromString(text);
    if (s == NULL)
        return -1;
    Py_XSETREF(self->text, s);
    return 0;
}

static PyObject *
Label_str(LabelObject *self)
{
    if (self->text == NULL)
        return PyUnicode_FromString("");
    return Py_NewRef(self->text);
}

static PyTypeObject Label_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "labelmod.Label",
    .tp_basicsize = sizeof(LabelObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Label_dealloc,
    .tp_str = (reprfunc)Label_str,
    .tp_init = (initproc)Label_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef labelmod_module = {
    PyModuleDef_HEAD_INIT, "labelmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_labelmod(void)
{
    if (PyType_Ready(&Label_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&labelmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Label", (PyObject *)&Label_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
