/* null-deref: the type check PyUnicode_Check() reads Py_TYPE() of a dict
 * value that is NULL when the key is missing. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
get_label(PyObject *self, PyObject *record)
{
    (void)self;
    if (!PyDict_Check(record)) {
        PyErr_SetString(PyExc_TypeError, "record must be a dict");
        return NULL;
    }
    PyObject *label = PyDict_GetItemString(record, "label");
    if (!PyUnicode_Check(label)) // expected-warning{{null-deref}}
        return PyErr_Format(PyExc_TypeError, "label must be str, not %.100s",
                            Py_TYPE(label)->tp_name);
    return Py_NewRef(label);
}

static PyMethodDef labels_methods[] = {
    {"get_label", get_label, METH_O, NULL},
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
