/* clean: intern_item() takes over the reference it is given.  If an equal
 * item is already cached it releases its argument and returns a new
 * reference to the cached one; otherwise it stores the argument in the
 * cache and returns it (releasing it if the store fails).  Callers that
 * write 'return intern_item(x);' therefore leak nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *intern_cache;          /* dict: item -> item */

/* Steals 'item'. */
static PyObject *
intern_item(PyObject *item)
{
    PyObject *cached = PyDict_GetItemWithError(intern_cache, item);
    if (cached != NULL) {
        PyObject *result = Py_NewRef(cached);
        Py_DECREF(item);
        return result;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(item);
        return NULL;
    }
    if (PyDict_SetItem(intern_cache, item, item) < 0) {
        Py_DECREF(item);
        return NULL;
    }
    return item;
}

static PyObject *
interned_pair(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *x = PyTuple_Pack(2, a, b);
    if (x == NULL)
        return NULL;
    return intern_item(x);
}

static PyObject *
interned_label(PyObject *self, PyObject *args)
{
    const char *prefix;
    long n;
    if (!PyArg_ParseTuple(args, "sl", &prefix, &n))
        return NULL;
    PyObject *label = PyUnicode_FromFormat("%s-%ld", prefix, n);
    if (label == NULL)
        return NULL;
    PyObject *result = intern_item(label);
    if (result == NULL)
        return NULL;
    return result;
}

static PyMethodDef interning_methods[] = {
    {"pair", interned_pair, METH_VARARGS, NULL},
    {"label", interned_label, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef interning_module = {
    PyModuleDef_HEAD_INIT, "interning", NULL, -1, interning_methods
};

PyMODINIT_FUNC
PyInit_interning(void)
{
    if (intern_cache == NULL) {
        intern_cache = PyDict_New();
        if (intern_cache == NULL)
            return NULL;
    }
    PyObject *m = PyModule_Create(&interning_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "cache", intern_cache) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
