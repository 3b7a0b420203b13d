/* null-deref: goto-cleanup code that forgets to check the bound method
 * fetched with PyObject_GetAttrString() before calling it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
sorted_keys(PyObject *self, PyObject *mapping)
{
    PyObject *meth = NULL, *keys = NULL, *result = NULL;
    (void)self;
    meth = PyObject_GetAttrString(mapping, "keys");
    keys = PyObject_CallNoArgs(meth); // expected-warning{{null-deref}}
    if (keys == NULL)
        goto done;
    result = PySequence_List(keys);
    if (result == NULL)
        goto done;
    if (PyList_Sort(result) < 0)
        Py_CLEAR(result);
done:
    Py_XDECREF(meth);
    Py_XDECREF(keys);
    return result;
}

static PyMethodDef keyutil_methods[] = {
    {"sorted_keys", sorted_keys, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef keyutil_module = {
    PyModuleDef_HEAD_INIT, "keyutil", NULL, -1, keyutil_methods
};

PyMODINIT_FUNC
PyInit_keyutil(void)
{
    return PyModule_Create(&keyutil_module);
}
