/* methoddef-mismatch: 'query_run' takes (self, args, kwargs) but is
 * registered as METH_VARARGS, so its kwargs parameter is never passed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
query_run(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sql", "limit", NULL};
    const char *sql;
    Py_ssize_t limit = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|n:run", kwlist, &sql, &limit))
        return NULL;
    return PyUnicode_FromFormat("%s LIMIT %zd", sql, limit);
}

static PyMethodDef query_methods[] = {
    {"run", (PyCFunction)(void (*)(void))query_run, METH_VARARGS, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef query_module = {
    PyModuleDef_HEAD_INIT, "query", NULL, -1, query_methods
};

PyMODINIT_FUNC
PyInit_query(void)
{
    return PyModule_Create(&query_module);
}
