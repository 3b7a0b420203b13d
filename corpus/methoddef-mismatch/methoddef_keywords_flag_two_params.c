/* methoddef-mismatch: METH_VARARGS | METH_KEYWORDS passes (self, args,
 * kwargs), but 'cache_put' takes only two parameters. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *cache_dict;

static PyObject *
cache_put(PyObject *self, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "OO:put", &key, &value))
        return NULL;
    if (PyDict_SetItem(cache_dict, key, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
cache_size(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = PyDict_Size(cache_dict);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef cache_methods[] = {
    {"size", cache_size, METH_NOARGS, NULL},
    {"put", (PyCFunction)cache_put, METH_VARARGS | METH_KEYWORDS, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef cache_module = {
    PyModuleDef_HEAD_INIT, "cache", NULL, -1, cache_methods
};

PyMODINIT_FUNC
PyInit_cache(void)
{
    cache_dict = PyDict_New();
    if (cache_dict == NULL)
        return NULL;
    return PyModule_Create(&cache_module);
}
