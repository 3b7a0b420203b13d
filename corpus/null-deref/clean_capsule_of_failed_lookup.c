/* clean: the capsule attribute lookup may fail; its NULL goes straight to
 * PyCapsule_GetPointer(), which checks what it is given (NULL is not a
 * valid capsule: ValueError) and returns NULL in turn.  That NULL is
 * tested and the error returned, so nothing crashes. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { int (*version)(void); } codec_api;

static PyObject *
codec_version(PyObject *self, PyObject *module)
{
    PyObject *capsule = PyObject_GetAttrString(module, "_codec_api");
    codec_api *api = PyCapsule_GetPointer(capsule, "codecs._codec_api");
    Py_XDECREF(capsule);
    if (api == NULL)
        return NULL;
    return PyLong_FromLong(api->version());
}

static PyMethodDef codec_methods[] = {
    {"codec_version", codec_version, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef codec_module = {
    PyModuleDef_HEAD_INIT, "codecinfo", NULL, -1, codec_methods
};

PyMODINIT_FUNC
PyInit_codecinfo(void)
{
    return PyModule_Create(&codec_module);
}
