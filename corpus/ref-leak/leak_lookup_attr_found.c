/* ref-leak: _PyObject_LookupAttr() returns 1 and stores a new reference in
 * its output when the attribute exists.  has_close() only wants to know
 * whether it does, and drops the attribute without releasing it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
has_close(PyObject *module, PyObject *obj)
{
    PyObject *name = PyUnicode_InternFromString("close");
    if (name == NULL)
        return NULL;
    PyObject *attr;
    int found = _PyObject_LookupAttr(obj, name, &attr); // expected-warning{{ref-leak}}
    Py_DECREF(name);
    if (found < 0)
        return NULL;
    (void)module;
    return PyBool_FromLong(found);
}

static PyMethodDef probes_methods[] = {
    {"has_close", has_close, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef probes_module = {
    PyModuleDef_HEAD_INIT, "probes", NULL, -1, probes_methods
};

PyMODINIT_FUNC
PyInit_probes(void)
{
    return PyModule_Create(&probes_module);
}
