/* gc-dealloc: Name is not a GC type, but its tp_dealloc still has to free
 * the object's memory.  Name_dealloc releases the member and returns
 * without Py_TYPE(self)->tp_free(self), so every instance leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *text;
} NameObject;

static void
Name_dealloc(NameObject *self) // expected-warning{{gc-dealloc}}
{
    Py_XDECREF(self->text);
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
    .tp_name = "namemod.Name",
    .tp_basicsize = sizeof(NameObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Name_dealloc,
    .tp_str = (reprfunc)Name_str,
    .tp_init = (initproc)Name_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef namemod_module = {
    PyModuleDef_HEAD_INIT, "namemod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_namemod(void)
{
    if (PyType_Ready(&Name_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&namemod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Name", (PyObject *)&Name_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
