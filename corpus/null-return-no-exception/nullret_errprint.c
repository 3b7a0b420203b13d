/* null-return-no-exception: PyErr_Print() reports the callback's error
 * and clears it, so the NULL returned afterwards has no exception. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
run_callback(PyObject *self, PyObject *args)
{
    PyObject *callback, *arg, *res;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &callback, &arg))
        return NULL;
    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "callback must be callable");
        return NULL;
    }
    res = PyObject_CallOneArg(callback, arg);
    if (res == NULL) {
        PyErr_Print();
        return NULL; // expected-warning{{null-return-no-exception}}
    }
    return res;
}

static PyMethodDef callbacks_methods[] = {
    {"run_callback", run_callback, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef callbacks_module = {
    PyModuleDef_HEAD_INIT, "callbacks", NULL, -1, callbacks_methods
};

PyMODINIT_FUNC
PyInit_callbacks(void)
{
    return PyModule_Create(&callbacks_module);
}
