/* format-mismatch: the dict value "i" is read as an int, but the value
 * passed is a Py_ssize_t; and "s" is given a PyObject* instead of a C string. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
seqinfo_describe(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PyObject_Length(seq);
    if (n < 0)
        return NULL;
    return Py_BuildValue("{s:i,s:s}", "length", n, "kind", "sequence"); // expected-warning{{format-mismatch}}
}

static PyObject *
seqinfo_label(PyObject *self, PyObject *obj)
{
    PyObject *name = PyObject_GetAttrString(obj, "name");
    if (name == NULL)
        return NULL;
    PyObject *result = Py_BuildValue("(ss)", "label", name); // expected-warning{{format-mismatch}}
    Py_DECREF(name);
    return result;
}

static PyMethodDef seqinfo_methods[] = {
    {"describe", seqinfo_describe, METH_O, NULL},
    {"label", seqinfo_label, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef seqinfo_module = {
    PyModuleDef_HEAD_INIT, "seqinfo", NULL, -1, seqinfo_methods
};

PyMODINIT_FUNC
PyInit_seqinfo(void)
{
    return PyModule_Create(&seqinfo_module);
}
