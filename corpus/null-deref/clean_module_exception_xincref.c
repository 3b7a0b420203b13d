/* clean: the module-init idiom of the CPython tutorial: Py_XINCREF and
 * Py_XDECREF tolerate a NULL from PyErr_NewException(), and
 * PyModule_AddObject() fails on a NULL value with the exception kept. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *ParseError;

static PyObject *
fail(PyObject *self, PyObject *msg)
{
    (void)self;
    PyErr_SetObject(ParseError, msg);
    return NULL;
}

static PyMethodDef parser_methods[] = {
    {"fail", fail, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef parser_module = {
    PyModuleDef_HEAD_INIT, "parser", NULL, -1, parser_methods
};

PyMODINIT_FUNC
PyInit_parser(void)
{
    PyObject *m = PyModule_Create(&parser_module);
    if (m == NULL)
        return NULL;
    ParseError = PyErr_NewException("parser.ParseError", NULL, NULL);
    Py_XINCREF(ParseError);
    if (PyModule_AddObject(m, "ParseError", ParseError) < 0) {
        Py_XDECREF(ParseError);
        Py_CLEAR(ParseError);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
