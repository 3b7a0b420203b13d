/* clean: an error helper turns a library status code into an exception
 * and returns 0 exactly for code 0 (its switch has "case 0").  When the
 * caller knows the code is 0 the helper's result is 0 too, so the path
 * that built the result and then "failed" does not exist. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

extern int store_lookup(const char *key, long *out);
enum { STORE_MISSING = 2, STORE_LOCKED = 3 };

static PyObject *StoreError;

static int
raise_status(int status)
{
    switch (status) {
    case 0:
        return 0;
    case STORE_LOCKED:
        PyErr_SetString(StoreError, "store is locked");
        break;
    default:
        PyErr_Format(StoreError, "store error %d", status);
        break;
    }
    return 1;
}

static PyObject *
store_get(PyObject *self, PyObject *arg)
{
    const char *key = PyUnicode_AsUTF8(arg);
    if (key == NULL)
        return NULL;
    long value = 0;
    PyObject *result = NULL;
    int status = store_lookup(key, &value);
    if (status == STORE_MISSING) {
        status = 0;
        result = Py_NewRef(Py_None);
    } else if (status == 0) {
        result = PyLong_FromLong(value);
        if (result == NULL)
            return NULL;
    }
    if (raise_status(status))
        return NULL;
    return result;
}

static PyMethodDef store_methods[] = {
    {"get", store_get, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef store_module = {
    PyModuleDef_HEAD_INIT, "store", NULL, -1, store_methods
};

PyMODINIT_FUNC
PyInit_store(void)
{
    PyObject *m = PyModule_Create(&store_module);
    if (m == NULL)
        return NULL;
    StoreError = PyErr_NewException("store.StoreError", NULL, NULL);
    if (StoreError == NULL || PyModule_AddObjectRef(m, "StoreError", StoreError) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
