/* use-after-release: the container keeps the value only when the insert
 * succeeded; on its failure (and where no insert happened) releasing the
 * function's reference frees the object, and using it afterwards is a
 * use after release. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
cache_put(PyObject *cache, PyObject *key, long n)
{
    PyObject *value = PyLong_FromLong(n);
    if (value == NULL)
        return NULL;
    int rc = PyDict_SetItem(cache, key, value);
    Py_DECREF(value);
    if (rc < 0) {
        PyErr_Format(PyExc_RuntimeError, "cannot cache %R", value); // expected-warning{{use-after-release}}
        return NULL;
    }
    return value;
}

static PyObject *
cache_peek(PyObject *cache, PyObject *key, long n)
{
    PyObject *value = PyLong_FromLong(n);
    if (value == NULL)
        return NULL;
    int known = PyDict_Contains(cache, key);
    if (known < 0) {
        Py_DECREF(value);
        return NULL;
    }
    if (!known) {
        Py_DECREF(value);
        return value; // expected-warning{{use-after-release}}
    }
    return value;
}

static PyObject *
cache_put_twice_released(PyObject *cache, PyObject *key, long n)
{
    PyObject *value = PyLong_FromLong(n);
    if (value == NULL)
        return NULL;
    if (PyDict_SetItem(cache, key, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    Py_DECREF(value);
    Py_DECREF(value); // expected-warning{{ref-overrelease}}
    Py_RETURN_NONE;
}

static PyObject *
cache_add(PyObject *self, PyObject *args)
{
    PyObject *cache, *key;
    long n;
    if (!PyArg_ParseTuple(args, "O!Ol:add", &PyDict_Type, &cache, &key, &n))
        return NULL;
    PyObject *a = cache_put(cache, key, n);
    if (a == NULL)
        return NULL;
    PyObject *b = cache_peek(cache, key, n);
    if (b == NULL)
        return NULL;
    Py_DECREF(b);
    return cache_put_twice_released(cache, key, n);
}
