/* ref-leak: the extra reference is taken "for" trace_object(), but that
 * library function takes a PyObject * to look at, not a void * user-data
 * pointer it keeps, so nothing takes the reference over: it leaks on
 * every call. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

extern void trace_object(const char *tag, PyObject *obj);

static PyObject *
traced(PyObject *self, PyObject *obj)
{
    Py_INCREF(obj); // expected-warning{{ref-leak}}
    trace_object("traced", obj);
    Py_RETURN_NONE;
}

static PyMethodDef trace_methods[] = {
    {"traced", traced, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef trace_module = {
    PyModuleDef_HEAD_INIT, "tracing", NULL, -1, trace_methods
};

PyMODINIT_FUNC
PyInit_tracing(void)
{
    return PyModule_Create(&trace_module);
}
