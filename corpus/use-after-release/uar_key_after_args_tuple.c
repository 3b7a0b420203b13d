/* use-after-release: 'key' was stolen by PyTuple_SET_ITEM into the call's
 * argument tuple; after that tuple is released, key is used as a dict key. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
memo_call(PyObject *self, PyObject *args)
{
    PyObject *cache, *func;
    long n;
    if (!PyArg_ParseTuple(args, "O!Ol", &PyDict_Type, &cache, &func, &n))
        return NULL;
    PyObject *key = PyLong_FromLong(n);
    if (key == NULL)
        return NULL;
    PyObject *hit = PyDict_GetItemWithError(cache, key);
    if (hit != NULL) {
        Py_DECREF(key);
        return Py_NewRef(hit);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *call_args = PyTuple_New(1);
    if (call_args == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    PyTuple_SET_ITEM(call_args, 0, key);
    PyObject *result = PyObject_Call(func, call_args, NULL);
    Py_DECREF(call_args);
    if (result == NULL)
        return NULL;
    if (PyDict_SetItem(cache, key, result) < 0) { // expected-warning{{use-after-release}}
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef memo_methods[] = {
    {"memo_call", memo_call, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef memo_module = {
    PyModuleDef_HEAD_INIT, "memo", NULL, -1, memo_methods
};

PyMODINIT_FUNC
PyInit_memo(void)
{
    return PyModule_Create(&memo_module);
}
