/* gil-violation: the encoded copy of the text is released with Py_DECREF
 * inside the allow-threads block, as soon as the hash loop is done. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
fnv_hash_text(PyObject *self, PyObject *text)
{
    PyObject *encoded = PyUnicode_AsUTF8String(text);
    if (encoded == NULL)
        return NULL;
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(encoded);
    Py_ssize_t len = PyBytes_GET_SIZE(encoded);
    unsigned long long h = 1469598103934665603ULL;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    Py_DECREF(encoded); // expected-warning{{gil-violation}}
    Py_END_ALLOW_THREADS
    return PyLong_FromUnsignedLongLong(h);
}

static PyMethodDef fnv_methods[] = {
    {"hash_text", fnv_hash_text, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fnv_module = {
    PyModuleDef_HEAD_INIT, "fnv", NULL, -1, fnv_methods
};

PyMODINIT_FUNC
PyInit_fnv(void)
{
    return PyModule_Create(&fnv_module);
}
