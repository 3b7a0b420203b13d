/* ref-leak: a borrowed dict value is Py_INCREF'd to keep it alive across a
 * call, but the extra reference is never released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
registry_invoke(PyObject *self, PyObject *args)
{
    PyObject *registry, *key;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &registry, &key))
        return NULL;
    PyObject *entry = PyDict_GetItemWithError(registry, key);  /* borrowed */
    if (entry == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    Py_INCREF(entry); // expected-warning{{ref-leak}}
    PyObject *result = PyObject_CallNoArgs(entry);
    return result;                        /* 'entry' still holds +1 */
}

static PyMethodDef registry_methods[] = {
    {"invoke", registry_invoke, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef registry_module = {
    PyModuleDef_HEAD_INIT, "registry", NULL, -1, registry_methods
};

PyMODINIT_FUNC
PyInit_registry(void)
{
    return PyModule_Create(&registry_module);
}
