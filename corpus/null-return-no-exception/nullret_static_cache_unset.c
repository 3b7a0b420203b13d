/* null-return-no-exception: the method relies on a module-level cache that
 * may still be NULL (set by a separate init call) and then returns NULL
 * without an exception. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *encoder = NULL;

static PyObject *
set_encoder(PyObject *self, PyObject *func)
{
    (void)self;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "encoder must be callable");
        return NULL;
    }
    Py_XSETREF(encoder, Py_NewRef(func));
    Py_RETURN_NONE;
}

static PyObject *
encode(PyObject *self, PyObject *obj)
{
    (void)self;
    if (encoder == NULL)
        return NULL; // expected-warning{{null-return-no-exception}}
    return PyObject_CallOneArg(encoder, obj);
}

static PyMethodDef enc_methods[] = {
    {"set_encoder", set_encoder, METH_O, NULL},
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
