/* clean: set_codec() is shared with the extension's other files (it is
 * not static) and its contract is to release the object it is handed when
 * it fails.  This file calls it directly and never takes its address, so
 * it is a C helper, not a function Python calls: releasing its parameter
 * follows its own contract, and its callers here rely on that. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    int codec;
} CoderObject;

static PyTypeObject CoderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "coders.Coder",
    .tp_basicsize = sizeof(CoderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

int
set_codec(CoderObject *coder, const char *name)
{
    if (strcmp(name, "raw") && strcmp(name, "rle")) {
        Py_DECREF(coder);
        PyErr_Format(PyExc_ValueError, "unknown codec %s", name);
        return -1;
    }
    coder->codec = name[0] == 'r' && name[1] == 'l';
    return 0;
}

static PyObject *
new_coder(PyObject *self, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    CoderObject *coder = PyObject_New(CoderObject, &CoderType);
    if (coder == NULL)
        return NULL;
    if (set_codec(coder, name) < 0)
        return NULL;
    return (PyObject *)coder;
}

static PyMethodDef coder_methods[] = {
    {"new_coder", new_coder, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef coder_module = {
    PyModuleDef_HEAD_INIT, "coders", NULL, -1, coder_methods
};

PyMODINIT_FUNC
PyInit_coders(void)
{
    if (PyType_Ready(&CoderType) < 0)
        return NULL;
    return PyModule_Create(&coder_module);
}
