/* clean: a key of variable length built in alloca'd memory (the caller's
 * own stack frame) out of the addresses of the argument objects holds no
 * reference to them; the helper takes the references it keeps itself, so
 * the caller passes borrowed ones. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <alloca.h>

static PyObject *signature_cache;   /* bytes key -> tuple */

static PyObject *
make_signature(PyObject *restype, PyObject *argtypes)
{
    Py_ssize_t n = PyTuple_GET_SIZE(argtypes);
    const void **key = alloca((size_t)(n + 1) * sizeof(void *));
    key[0] = restype;
    for (Py_ssize_t i = 0; i < n; i++)
        key[i + 1] = PyTuple_GET_ITEM(argtypes, i);
    PyObject *k = PyBytes_FromStringAndSize((const char *)key,
                                            (n + 1) * (Py_ssize_t)sizeof(void *));
    if (k == NULL)
        return NULL;
    PyObject *sig = PyDict_GetItemWithError(signature_cache, k);
    if (sig != NULL) {
        Py_DECREF(k);
        Py_INCREF(sig);
        return sig;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(k);
        return NULL;
    }
    sig = PyTuple_Pack(2, restype, argtypes);
    if (sig == NULL || PyDict_SetItem(signature_cache, k, sig) < 0) {
        Py_XDECREF(sig);
        Py_DECREF(k);
        return NULL;
    }
    Py_DECREF(k);
    return sig;
}

static PyObject *
sigs_get(PyObject *self, PyObject *args)
{
    PyObject *restype, *argtypes;
    if (!PyArg_ParseTuple(args, "OO!:get", &restype, &PyTuple_Type, &argtypes))
        return NULL;
    return make_signature(restype, argtypes);
}
