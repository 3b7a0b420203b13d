/* clean: intermediates are released before Py_RETURN_NONE, including on
 * an early Py_RETURN_NONE. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
log_message(PyObject *self, PyObject *args)
{
    PyObject *logger;
    const char *msg;
    int enabled = 1;
    if (!PyArg_ParseTuple(args, "Os|p", &logger, &msg, &enabled))
        return NULL;
    if (!enabled)
        Py_RETURN_NONE;
    PyObject *text = PyUnicode_FromFormat("[ext] %s", msg);
    if (text == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(logger, "info", "O", text);
    Py_DECREF(text);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyMethodDef logext_methods[] = {
    {"log", log_message, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef logext_module = {
    PyModuleDef_HEAD_INIT, "logext", NULL, -1, logext_methods
};

PyMODINIT_FUNC
PyInit_logext(void)
{
    return PyModule_Create(&logext_module);
}
