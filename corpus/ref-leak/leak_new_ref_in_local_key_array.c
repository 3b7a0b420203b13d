/* leak: putting a new reference into a local array of plain pointers
 * (a lookup key) hands it to nobody; it must still be released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *name_cache;   /* bytes key -> object */

static PyObject *
cached_by_name(const char *name)
{
    const void *key[1];
    PyObject *s = PyUnicode_InternFromString(name); // expected-warning{{ref-leak}}
    if (s == NULL)
        return NULL;
    key[0] = s;
    PyObject *k = PyBytes_FromStringAndSize((const char *)key, sizeof key);
    if (k == NULL)
        return NULL;
    PyObject *found = PyDict_GetItemWithError(name_cache, k);
    Py_DECREF(k);
    Py_XINCREF(found);
    return found;
}

static PyObject *
names_lookup(PyObject *self, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:lookup", &name))
        return NULL;
    PyObject *r = cached_by_name(name);
    if (r == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return r;
}
