/* clean: a helper that puts its argument's address into a local array of
 * plain pointers (a cache key compared by identity) takes no reference:
 * the array holds none.  The helper keeps the argument only through the
 * reference it adds itself, so a caller may pass a borrowed one. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *pair_cache;   /* bytes key -> tuple */

static PyObject *
interned_pair(PyObject *first, PyObject *second)
{
    const void *key[2];
    key[0] = first;
    key[1] = second;
    PyObject *k = PyBytes_FromStringAndSize((const char *)key, sizeof key);
    if (k == NULL)
        return NULL;
    PyObject *found = PyDict_GetItemWithError(pair_cache, k);
    if (found != NULL) {
        Py_DECREF(k);
        Py_INCREF(found);
        return found;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(k);
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, first, second);
    if (pair == NULL || PyDict_SetItem(pair_cache, k, pair) < 0) {
        Py_XDECREF(pair);
        Py_DECREF(k);
        return NULL;
    }
    Py_DECREF(k);
    return pair;
}

static PyObject *
pairs_intern(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO:intern", &a, &b))
        return NULL;
    return interned_pair(a, b);
}
