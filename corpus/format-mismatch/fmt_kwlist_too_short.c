/* format-mismatch: the format "O|ip" has three units, but the keyword list
 * names only two parameters (CPython raises SystemError at call time). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
textwrap_indent(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"text", "width", NULL};
    PyObject *text;
    int width = 4;
    int tabs = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|ip:indent", kwlist, // expected-warning{{format-mismatch}}
                                     &text, &width, &tabs))
        return NULL;
    if (width < 0) {
        PyErr_SetString(PyExc_ValueError, "width must be non-negative");
        return NULL;
    }
    PyObject *prefix = tabs ? PyUnicode_FromString("\t")
                            : PyUnicode_FromFormat("%*s", width, "");
    if (prefix == NULL)
        return NULL;
    PyObject *result = PyUnicode_Concat(prefix, text);
    Py_DECREF(prefix);
    return result;
}

static PyMethodDef textwrap_methods[] = {
    {"indent", (PyCFunction)(void (*)(void))textwrap_indent,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef textwrap_module = {
    PyModuleDef_HEAD_INIT, "ctextwrap", NULL, -1, textwrap_methods
};

PyMODINIT_FUNC
PyInit_ctextwrap(void)
{
    return PyModule_Create(&textwrap_module);
}
