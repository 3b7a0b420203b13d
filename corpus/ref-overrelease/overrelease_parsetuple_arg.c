/* ref-overrelease: an object parsed with PyArg_ParseTuple "O" is borrowed
 * from the argument tuple, yet the shared exit block releases it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
call_twice(PyObject *self, PyObject *args)
{
    PyObject *func;
    PyObject *first = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "O", &func))
        return NULL;
    first = PyObject_CallNoArgs(func);
    if (first == NULL)
        goto done;
    result = PyObject_CallOneArg(func, first);
done:
    Py_XDECREF(first);
    Py_DECREF(func); // expected-warning{{ref-overrelease}}
    return result;
}

static PyMethodDef twice_methods[] = {
    {"call_twice", call_twice, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef twice_module = {
    PyModuleDef_HEAD_INIT, "twice", NULL, -1, twice_methods
};

PyMODINIT_FUNC
PyInit_twice(void)
{
    return PyModule_Create(&twice_module);
}
