/* clean: goto-cleanup idiom; every owned variable starts NULL and is
 * released with Py_XDECREF in one shared exit block. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
join_reprs(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    PyObject *ra = NULL, *rb = NULL, *sep = NULL, *parts = NULL;
    PyObject *result = NULL;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    ra = PyObject_Repr(a);
    if (ra == NULL)
        goto done;
    rb = PyObject_Repr(b);
    if (rb == NULL)
        goto done;
    sep = PyUnicode_FromString(", ");
    if (sep == NULL)
        goto done;
    parts = PyTuple_Pack(2, ra, rb);
    if (parts == NULL)
        goto done;
    result = PyUnicode_Join(sep, parts);
done:
    Py_XDECREF(ra);
    Py_XDECREF(rb);
    Py_XDECREF(sep);
    Py_XDECREF(parts);
    return result;
}

static PyMethodDef reprs_methods[] = {
    {"join_reprs", join_reprs, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef reprs_module = {
    PyModuleDef_HEAD_INIT, "reprs", NULL, -1, reprs_methods
};

PyMODINIT_FUNC
PyInit_reprs(void)
{
    return PyModule_Create(&reprs_module);
}
