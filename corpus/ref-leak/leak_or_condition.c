/* ref-leak: a combined 'x == NULL || <check on x>' condition; the branch
 * taken for a non-NULL but empty string returns without releasing it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
nonempty_str(PyObject *self, PyObject *obj)
{
    PyObject *s = PyObject_Str(obj); // expected-warning{{ref-leak}}
    if (s == NULL || PyUnicode_GET_LENGTH(s) == 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "empty string");
        return NULL;                      /* leaks 's' when it was empty */
    }
    return s;
}

static PyMethodDef strcheck_methods[] = {
    {"nonempty_str", nonempty_str, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef strcheck_module = {
    PyModuleDef_HEAD_INIT, "strcheck", NULL, -1, strcheck_methods
};

PyMODINIT_FUNC
PyInit_strcheck(void)
{
    return PyModule_Create(&strcheck_module);
}
