/* clean: wrap_label() takes over the reference to 'label' it is given.
 * When no prefix is wanted it hands the argument straight back; otherwise
 * it releases it and puts the new, longer string into the same parameter
 * variable before returning it.  The caller's reference is consumed on
 * every path even though the variable no longer holds it at the end, so
 * chaining the helpers (label = wrap_label(label, ...)) leaks nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Steals 'label'. */
static PyObject *
wrap_label(PyObject *label, const char *prefix)
{
    PyObject *joined;
    if (prefix == NULL)
        return label;
    joined = PyUnicode_FromFormat("%s:%U", prefix, label);
    Py_DECREF(label);
    label = joined;
    return label;
}

/* Steals 'label' too, and may also give it back unchanged. */
static PyObject *
mark_label(PyObject *label, int marked)
{
    if (!marked)
        return label;
    PyObject *tmp = PyUnicode_FromFormat("%U*", label);
    Py_DECREF(label);
    if (tmp == NULL)
        return NULL;
    label = tmp;
    return label;
}

static PyObject *
tag_label(PyObject *self, PyObject *args)
{
    const char *text;
    const char *prefix = NULL;
    int marked = 0;
    if (!PyArg_ParseTuple(args, "s|zp", &text, &prefix, &marked))
        return NULL;
    PyObject *label = PyUnicode_FromString(text);
    if (label != NULL && prefix != NULL)
        label = wrap_label(label, prefix);
    if (label != NULL && marked)
        label = mark_label(label, marked);
    return label;
}

static PyMethodDef tag_methods[] = {
    {"tag_label", tag_label, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef tag_module = {
    PyModuleDef_HEAD_INIT, "tag", NULL, -1, tag_methods
};

PyMODINIT_FUNC
PyInit_tag(void)
{
    return PyModule_Create(&tag_module);
}
