/* ref-leak: the variable holding a new reference is overwritten by a second
 * new reference without releasing the first. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make_label(PyObject *self, PyObject *args)
{
    const char *prefix;
    long n;
    if (!PyArg_ParseTuple(args, "sl", &prefix, &n))
        return NULL;
    PyObject *label = PyUnicode_FromString(prefix); // expected-warning{{ref-leak}}
    if (label == NULL)
        return NULL;
    if (n > 0)
        label = PyUnicode_FromFormat("%s-%ld", prefix, n); /* first one lost */
    return label;
}

static PyMethodDef labels_methods[] = {
    {"make_label", make_label, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef labels_module = {
    PyModuleDef_HEAD_INIT, "labels", NULL, -1, labels_methods
};

PyMODINIT_FUNC
PyInit_labels(void)
{
    return PyModule_Create(&labels_module);
}
