/* spam: a small extension module with one reference leak on an error path.
 * It is the example `make demo` scans. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Returns the pair (a, b) as a tuple. */
static PyObject *
spam_pair(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *first = PyLong_FromLong(a); // expected-warning{{ref-leak}}
    if (first == NULL)
        return NULL;
    PyObject *second = PyLong_FromLong(b);
    if (second == NULL)
        return NULL;                /* leaks 'first' */
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        Py_DECREF(first);
        Py_DECREF(second);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, first);
    PyTuple_SET_ITEM(pair, 1, second);
    return pair;
}

/* Returns len(obj) + 1, releasing everything it creates. */
static PyObject *
spam_succ_len(PyObject *self, PyObject *obj)
{
    Py_ssize_t n = PyObject_Length(obj);
    if (n < 0)
        return NULL;
    PyObject *len = PyLong_FromSsize_t(n);
    if (len == NULL)
        return NULL;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        Py_DECREF(len);
        return NULL;
    }
    PyObject *sum = PyNumber_Add(len, one);
    Py_DECREF(len);
    Py_DECREF(one);
    return sum;
}

static PyMethodDef spam_methods[] = {
    {"pair", spam_pair, METH_VARARGS, "Return (a, b)."},
    {"succ_len", spam_succ_len, METH_O, "Return len(obj) + 1."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, spam_methods
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    return PyModule_Create(&spam_module);
}
