/* bug: keep() adds a reference to its argument and returns it, so the
 * caller owns two references to 'name' afterwards; release_all() drops
 * three of them: the last Py_DECREF releases a reference it does not own. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
keep(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}

static PyObject *
release_all(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *name = PyUnicode_FromString("spam");
    if (name == NULL)
        return NULL;
    PyObject *again = keep(name);
    Py_DECREF(again);
    Py_DECREF(name);
    Py_DECREF(name);    // expected-warning{{ref-overrelease}}
    Py_RETURN_NONE;
}

static PyMethodDef rel_methods[] = {
    {"release_all", release_all, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef rel_module = {
    PyModuleDef_HEAD_INIT, "rel", NULL, -1, rel_methods
};

PyMODINIT_FUNC
PyInit_rel(void)
{
    return PyModule_Create(&rel_module);
}
