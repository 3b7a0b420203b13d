/* clean: METH_VARARGS | METH_KEYWORDS functions take (self, args, kwargs)
 * and are listed through a cast, the usual spelling. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
httpx_header(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "value", "sensitive", NULL};
    const char *name, *value;
    int sensitive = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "ss|p:header", kwlist,
                                     &name, &value, &sensitive))
        return NULL;
    if (sensitive)
        return PyUnicode_FromFormat("%s: ***", name);
    return PyUnicode_FromFormat("%s: %s", name, value);
}

static PyObject *
httpx_status(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"code", NULL};
    int code;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:status", kwlist, &code))
        return NULL;
    return PyBool_FromLong(code >= 200 && code < 300);
}

static PyMethodDef httpx_methods[] = {
    {"header", (PyCFunction)(void (*)(void))httpx_header, METH_VARARGS | METH_KEYWORDS, NULL},
    {"status", (PyCFunction)httpx_status, METH_KEYWORDS | METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef httpx_module = {
    PyModuleDef_HEAD_INIT, "httpx", NULL, -1, httpx_methods
};

PyMODINIT_FUNC
PyInit_httpx(void)
{
    return PyModule_Create(&httpx_module);
}
