/* clean: ensure_backend() asks an external C library (backend_ready(),
 * known only by its declaration) and either sets an exception and returns
 * -1 or returns 0 with no exception.  The callers test its status
 * (if (ensure_backend() < 0) return NULL;), so no exception is left set
 * when they go on to return a new object. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

extern int backend_ready(void);
extern long backend_version(void);

static int
ensure_backend(void)
{
    int status = backend_ready();
    if (status != 0) {
        PyErr_Format(PyExc_RuntimeError, "backend not ready (status %d)", status);
        return -1;
    }
    return 0;
}

static PyObject *
backend_info(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (ensure_backend() < 0)
        return NULL;
    return Py_BuildValue("{s:l}", "version", backend_version());
}

static PyObject *
backend_check(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (ensure_backend() < 0)
        return NULL;
    Py_RETURN_TRUE;
}

static PyMethodDef backend_methods[] = {
    {"info", backend_info, METH_NOARGS, NULL},
    {"check", backend_check, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef backend_module = {
    PyModuleDef_HEAD_INIT, "backend", NULL, -1, backend_methods
};

PyMODINIT_FUNC
PyInit_backend(void)
{
    return PyModule_Create(&backend_module);
}
