/* clean: the NULL test and the use are joined with && so the borrowed
 * dict value is only dereferenced when it is present. */
// expected-no-diagnostics
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
    if (label != NULL && PyUnicode_Check(label) &&
        PyUnicode_GET_LENGTH(label) > 0)
        return Py_NewRef(label);
    return PyUnicode_FromString("<unnamed>");
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
