/* clean: copying a settings object copies its members in whole with
 * memcpy, then gives each copied object pointer a reference of its own
 * with Py_XINCREF(dst->member); Settings_clear (and so the dealloc)
 * releases them.  The increfs in place of members the copying function
 * names nowhere else are the members' references, not leaked ones. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *encoder;
    PyObject *fallback;
    int strict;
    Py_ssize_t width;
    char *name;
} SettingsObject;

static int
Settings_clear(SettingsObject *self)
{
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->fallback);
    return 0;
}

static void
Settings_dealloc(SettingsObject *self)
{
    Settings_clear(self);
    PyMem_Free(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* dst takes every setting of src; its own name string is duplicated. */
static int
Settings_assign(SettingsObject *dst, SettingsObject *src)
{
    char *to = (char *)dst, *from = (char *)src;

    Settings_clear(dst);
    PyMem_Free(dst->name);
    memcpy(to + sizeof(PyObject), from + sizeof(PyObject),
           sizeof(SettingsObject) - sizeof(PyObject));
    Py_XINCREF(dst->encoder);
    Py_XINCREF(dst->fallback);
    dst->name = NULL;
    if (src->name != NULL) {
        dst->name = PyMem_Malloc(strlen(src->name) + 1);
        if (dst->name == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        strcpy(dst->name, src->name);
    }
    return 0;
}

static PyTypeObject SettingsType;

static PyObject *
Settings_copy(SettingsObject *self, PyObject *unused)
{
    (void)unused;
    SettingsObject *copy = PyObject_New(SettingsObject, &SettingsType);
    if (copy == NULL)
        return NULL;
    copy->encoder = copy->fallback = NULL;
    copy->name = NULL;
    if (Settings_assign(copy, self) < 0) {
        Py_DECREF(copy);
        return NULL;
    }
    return (PyObject *)copy;
}

static PyMethodDef Settings_methods[] = {
    {"copy", (PyCFunction)Settings_copy, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject SettingsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "settings.Settings",
    .tp_basicsize = sizeof(SettingsObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Settings_dealloc,
    .tp_methods = Settings_methods,
};

static struct PyModuleDef settings_module = {
    PyModuleDef_HEAD_INIT, "settings", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_settings(void)
{
    if (PyType_Ready(&SettingsType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&settings_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Settings", (PyObject *)&SettingsType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
