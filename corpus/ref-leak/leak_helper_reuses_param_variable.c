/* bug: trim_label() is meant to take over the reference to 'label', but
 * on the path that builds a new string it forgets to release the old one
 * before reusing the parameter variable: the caller's reference is then
 * neither released nor handed back, so the helper does not take its
 * argument over and the caller's string leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
trim_label(PyObject *label, Py_ssize_t keep)
{
    if (keep < 0)
        return label;
    label = PyUnicode_Substring(label, 0, keep);
    return label;
}

static PyObject *
short_label(PyObject *self, PyObject *args)
{
    const char *text;
    Py_ssize_t keep;
    if (!PyArg_ParseTuple(args, "sn", &text, &keep))
        return NULL;
    PyObject *label = PyUnicode_FromString(text);   // expected-warning{{ref-leak}}
    if (label == NULL)
        return NULL;
    label = trim_label(label, keep);
    return label;
}

static PyMethodDef short_methods[] = {
    {"short_label", short_label, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef short_module = {
    PyModuleDef_HEAD_INIT, "shortlabel", NULL, -1, short_methods
};

PyMODINIT_FUNC
PyInit_shortlabel(void)
{
    return PyModule_Create(&short_module);
}
