/* clean: Py_SETREF replaces an owned reference (releasing the old one) and
 * Py_CLEAR releases and NULLs it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
normalize(PyObject *self, PyObject *obj)
{
    PyObject *s = PyObject_Str(obj);
    if (s == NULL)
        return NULL;
    Py_SETREF(s, PyObject_CallMethod(s, "strip", NULL));
    if (s == NULL)
        return NULL;
    Py_SETREF(s, PyObject_CallMethod(s, "lower", NULL));
    return s;
}

static PyObject *
has_attr_value(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &obj, &name))
        return NULL;
    PyObject *v = PyObject_GetAttrString(obj, name);
    if (v == NULL)
        return NULL;
    int truth = PyObject_IsTrue(v);
    Py_CLEAR(v);
    if (truth < 0)
        return NULL;
    return PyBool_FromLong(truth);
}

static PyMethodDef textops_methods[] = {
    {"normalize", normalize, METH_O, NULL},
    {"has_attr_value", has_attr_value, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef textops_module = {
    PyModuleDef_HEAD_INIT, "textops", NULL, -1, textops_methods
};

PyMODINIT_FUNC
PyInit_textops(void)
{
    return PyModule_Create(&textops_module);
}
