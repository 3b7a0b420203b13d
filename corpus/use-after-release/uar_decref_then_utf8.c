/* use-after-release: the repr string is released before its UTF-8 buffer
 * is read with PyUnicode_AsUTF8. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
bracketed(PyObject *self, PyObject *obj)
{
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    const char *s = PyUnicode_AsUTF8(r); // expected-warning{{use-after-release}}
    if (s == NULL)
        return NULL;
    return PyUnicode_FromFormat("[%s]", s);
}

static PyMethodDef bracket_methods[] = {
    {"bracketed", bracketed, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef bracket_module = {
    PyModuleDef_HEAD_INIT, "bracket", NULL, -1, bracket_methods
};

PyMODINIT_FUNC
PyInit_bracket(void)
{
    return PyModule_Create(&bracket_module);
}
