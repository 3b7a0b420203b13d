/* clean: a static helper returns a new reference or NULL with an
 * exception set; its caller checks the result before using it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
lookup_attr_str(PyObject *obj, const char *name)
{
    PyObject *attr = PyObject_GetAttrString(obj, name);
    if (attr == NULL)
        return NULL;
    if (!PyUnicode_Check(attr)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str", name);
        Py_DECREF(attr);
        return NULL;
    }
    return attr;
}

static PyObject *
qualified_name(PyObject *self, PyObject *cls)
{
    PyObject *module, *qualname, *result;
    (void)self;
    module = lookup_attr_str(cls, "__module__");
    if (module == NULL)
        return NULL;
    qualname = lookup_attr_str(cls, "__qualname__");
    if (qualname == NULL) {
        Py_DECREF(module);
        return NULL;
    }
    result = PyUnicode_FromFormat("%U.%U", module, qualname);
    Py_DECREF(module);
    Py_DECREF(qualname);
    return result;
}

static PyMethodDef names_methods[] = {
    {"qualified_name", qualified_name, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef names_module = {
    PyModuleDef_HEAD_INIT, "names", NULL, -1, names_methods
};

PyMODINIT_FUNC
PyInit_names(void)
{
    return PyModule_Create(&names_module);
}
