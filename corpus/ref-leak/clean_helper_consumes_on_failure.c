/* clean: require_positive() releases its argument itself when it fails
 * (Py_DECREF, exception set, return -1) and leaves it alone when it
 * succeeds (return 0).  The callers create the object, call the helper and
 * on failure just return NULL: the reference was already released. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* On failure, 'num' is released. */
static int
require_positive(PyObject *num)
{
    int sign = PyObject_RichCompareBool(num, Py_False, Py_GT);
    if (sign < 0) {
        Py_DECREF(num);
        return -1;
    }
    if (sign == 0) {
        Py_DECREF(num);
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return -1;
    }
    return 0;
}

static PyObject *
positive_int(PyObject *self, PyObject *arg)
{
    (void)self;
    PyObject *num = PyNumber_Long(arg);
    if (num == NULL)
        return NULL;
    if (require_positive(num) < 0)
        return NULL;
    return num;
}

static PyObject *
positive_sum(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *total = PyNumber_Add(a, b);
    if (total == NULL)
        return NULL;
    if (require_positive(total) < 0)
        return NULL;
    PyObject *result = PyNumber_Float(total);
    Py_DECREF(total);
    return result;
}

static PyMethodDef positive_methods[] = {
    {"positive_int", positive_int, METH_O, NULL},
    {"positive_sum", positive_sum, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef positive_module = {
    PyModuleDef_HEAD_INIT, "positive", NULL, -1, positive_methods
};

PyMODINIT_FUNC
PyInit_positive(void)
{
    return PyModule_Create(&positive_module);
}
