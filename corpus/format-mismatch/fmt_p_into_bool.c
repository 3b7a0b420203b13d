/* format-mismatch: "p" stores an int, but 'verbose' is a C bool (one byte);
 * the call is spread over several lines and is reported where it starts. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdbool.h>

static PyObject *
logger_emit(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"message", "level", "verbose", NULL};
    const char *message;
    int level = 0;
    bool verbose = false;
    if (!PyArg_ParseTupleAndKeywords( // expected-warning{{format-mismatch}}
            args, kwds, "s|i$p:emit", kwlist,
            &message, &level, &verbose))
        return NULL;
    if (verbose)
        return PyUnicode_FromFormat("[%d] %s", level, message);
    return PyUnicode_FromString(message);
}

static PyMethodDef logger_methods[] = {
    {"emit", (PyCFunction)(void (*)(void))logger_emit,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef logger_module = {
    PyModuleDef_HEAD_INIT, "clogger", NULL, -1, logger_methods
};

PyMODINIT_FUNC
PyInit_clogger(void)
{
    return PyModule_Create(&logger_module);
}
