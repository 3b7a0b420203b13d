/* bug: grab() adds a reference to its argument and returns it; the
 * caller of grab() owns two references to 'key' afterwards but releases
 * only one of them before returning: one reference to the str leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
grab(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}

static PyObject *
key_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *key = PyUnicode_FromString("eggs");   // expected-warning{{ref-leak}}
    if (key == NULL)
        return NULL;
    PyObject *held = grab(key);
    Py_ssize_t n = PyUnicode_GetLength(held);
    Py_DECREF(key);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef key_methods[] = {
    {"key_length", key_length, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef key_module = {
    PyModuleDef_HEAD_INIT, "keylen", NULL, -1, key_methods
};

PyMODINIT_FUNC
PyInit_keylen(void)
{
    return PyModule_Create(&key_module);
}
