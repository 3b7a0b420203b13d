/* null-return-no-exception: a missing attribute is meant to be ignored,
 * but after PyErr_Clear() the function still returns NULL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
get_doc(PyObject *self, PyObject *obj)
{
    (void)self;
    PyObject *doc = PyObject_GetAttrString(obj, "__doc__");
    if (doc == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return NULL;
        PyErr_Clear();
        return NULL; // expected-warning{{null-return-no-exception}}
    }
    return doc;
}

static PyMethodDef docs_methods[] = {
    {"get_doc", get_doc, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef docs_module = {
    PyModuleDef_HEAD_INIT, "docs", NULL, -1, docs_methods
};

PyMODINIT_FUNC
PyInit_docs(void)
{
    return PyModule_Create(&docs_module);
}
