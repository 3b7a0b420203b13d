/* clean: NULL-initialised owned variables released with Py_XDECREF in one
 * shared exit block; the early release uses Py_CLEAR so the block's
 * Py_XDECREF sees NULL. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make_triple(PyObject *self, PyObject *args)
{
    long a, b, c;
    PyObject *x = NULL, *y = NULL, *z = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "lll", &a, &b, &c))
        return NULL;
    x = PyLong_FromLong(a);
    if (x == NULL)
        goto error;
    y = PyLong_FromLong(b);
    if (y == NULL) {
        Py_CLEAR(x);
        goto error;
    }
    z = PyLong_FromLong(c);
    if (z == NULL)
        goto error;
    result = PyTuple_Pack(3, x, y, z);
error:
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_XDECREF(z);
    return result;
}

static PyMethodDef triples_methods[] = {
    {"make_triple", make_triple, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef triples_module = {
    PyModuleDef_HEAD_INIT, "triples", NULL, -1, triples_methods
};

PyMODINIT_FUNC
PyInit_triples(void)
{
    return PyModule_Create(&triples_module);
}
