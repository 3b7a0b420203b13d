/* clean: a PyIter_Next loop releases each rejected item, but keeps the
 * matching one (its reference moves to 'found') and returns it after the
 * iterator is released; PyErr_Occurred() is checked when nothing matched.
 * A borrowed tuple item is Py_INCREF'd before the tuple is released. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_match(PyObject *self, PyObject *args)
{
    PyObject *pred, *iterable;
    if (!PyArg_ParseTuple(args, "OO", &pred, &iterable))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *found = NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_CallOneArg(pred, item);
        if (r == NULL) {
            Py_DECREF(item);
            Py_DECREF(it);
            return NULL;
        }
        int t = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (t < 0) {
            Py_DECREF(item);
            Py_DECREF(it);
            return NULL;
        }
        if (t) {
            found = item;
            break;
        }
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (found != NULL)
        return found;
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
max_of_tuple(PyObject *self, PyObject *seq)
{
    PyObject *tup = PySequence_Tuple(seq);   /* private, immutable copy */
    if (tup == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(tup);
    if (n == 0) {
        Py_DECREF(tup);
        PyErr_SetString(PyExc_ValueError, "empty sequence");
        return NULL;
    }
    PyObject *best = PyTuple_GET_ITEM(tup, 0);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *cur = PyTuple_GET_ITEM(tup, i);
        int gt = PyObject_RichCompareBool(cur, best, Py_GT);
        if (gt < 0) {
            Py_DECREF(tup);
            return NULL;
        }
        if (gt)
            best = cur;
    }
    Py_INCREF(best);
    Py_DECREF(tup);
    return best;
}

static PyMethodDef search_methods[] = {
    {"first_match", first_match, METH_VARARGS, NULL},
    {"max_of_tuple", max_of_tuple, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef search_module = {
    PyModuleDef_HEAD_INIT, "search", NULL, -1, search_methods
};

PyMODINIT_FUNC
PyInit_search(void)
{
    return PyModule_Create(&search_module);
}
