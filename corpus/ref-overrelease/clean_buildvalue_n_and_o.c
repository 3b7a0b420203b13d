/* clean: Py_BuildValue's "N" takes over the reference (no Py_DECREF after
 * it), while "O" adds one, so the caller still releases its own. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tagged_repr(PyObject *self, PyObject *obj)
{
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(sN)", Py_TYPE(obj)->tp_name, r);
}

static PyObject *
str_and_len(PyObject *self, PyObject *obj)
{
    PyObject *s = PyObject_Str(obj);
    if (s == NULL)
        return NULL;
    PyObject *res = Py_BuildValue("(On)", s, PyUnicode_GET_LENGTH(s));
    Py_DECREF(s);
    return res;
}

static PyObject *
both_forms(PyObject *self, PyObject *obj)
{
    PyObject *s = PyObject_Str(obj);
    if (s == NULL)
        return NULL;
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    PyObject *res = Py_BuildValue("{sOsN}", "str", s, "repr", r);
    Py_DECREF(s);
    return res;
}

static PyMethodDef build_methods[] = {
    {"tagged_repr", tagged_repr, METH_O, NULL},
    {"str_and_len", str_and_len, METH_O, NULL},
    {"both_forms", both_forms, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef build_module = {
    PyModuleDef_HEAD_INIT, "build", NULL, -1, build_methods
};

PyMODINIT_FUNC
PyInit_build(void)
{
    return PyModule_Create(&build_module);
}
