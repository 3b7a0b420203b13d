/* clean: an unset module-level cache is filled lazily by importing the
 * default encoder; each NULL returned comes from a failed call. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *encoder = NULL;

static PyObject *
encode(PyObject *self, PyObject *obj)
{
    (void)self;
    if (encoder == NULL) {
        PyObject *json = PyImport_ImportModule("json");
        if (json == NULL)
            return NULL;
        encoder = PyObject_GetAttrString(json, "dumps");
        Py_DECREF(json);
        if (encoder == NULL)
            return NULL;
    }
    return PyObject_CallOneArg(encoder, obj);
}

static PyMethodDef enc_methods[] = {
    {"encode", encode, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef enc_module = {
    PyModuleDef_HEAD_INIT, "enc", NULL, -1, enc_methods
};

PyMODINIT_FUNC
PyInit_enc(void)
{
    return PyModule_Create(&enc_module);
}
