/* clean: span_info() builds its result with Py_BuildValue and a format of
 * several items, which always makes a new tuple (or fails with NULL).  The
 * defensive "Py_None == info" test after the clean-up can therefore never
 * be true: the tuple is returned to the caller, and nothing leaks. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
span_info(PyObject *self, PyObject *args)
{
    Py_ssize_t start, stop;
    PyObject *label = NULL, *info = NULL;

    if (!PyArg_ParseTuple(args, "nn", &start, &stop))
        return NULL;
    label = PyUnicode_FromFormat("%zd:%zd", start, stop);
    if (label == NULL)
        goto done;
    info = Py_BuildValue("nnS", start, stop, label);

done:
    Py_XDECREF(label);
    if (Py_None == info)
        Py_RETURN_NONE;
    return info;
}

static PyObject *
span_pair(PyObject *self, PyObject *args)
{
    Py_ssize_t start, stop;
    if (!PyArg_ParseTuple(args, "nn", &start, &stop))
        return NULL;
    PyObject *pair = Py_BuildValue("[nn]", start, stop);
    if (pair == Py_None)
        Py_RETURN_NONE;
    return pair;
}

static PyMethodDef span_methods[] = {
    {"span_info", span_info, METH_VARARGS, NULL},
    {"span_pair", span_pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef span_module = {
    PyModuleDef_HEAD_INIT, "span", NULL, -1, span_methods
};

PyMODINIT_FUNC
PyInit_span(void)
{
    return PyModule_Create(&span_module);
}
