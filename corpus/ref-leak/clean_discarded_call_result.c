/* clean: results of calls made only for their side effect are released at
 * once, and a fetched bound method is released after it has been called. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stream_rewind(PyObject *self, PyObject *stream)
{
    PyObject *r = PyObject_CallMethod(stream, "flush", NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    r = PyObject_CallMethod(stream, "seek", "i", 0);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *
fire_event(PyObject *self, PyObject *args)
{
    PyObject *target;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &target, &name))
        return NULL;
    PyObject *hook = PyObject_GetAttrString(target, "on_event");
    if (hook == NULL)
        return NULL;
    PyObject *call_args = Py_BuildValue("(s)", name);
    if (call_args == NULL) {
        Py_DECREF(hook);
        return NULL;
    }
    PyObject *result = PyObject_CallObject(hook, call_args);
    Py_DECREF(call_args);
    Py_DECREF(hook);
    return result;
}

static PyObject *
apply_twice(PyObject *self, PyObject *args)
{
    PyObject *func, *arg;
    if (!PyArg_ParseTuple(args, "OO", &func, &arg))
        return NULL;
    PyObject *cur = Py_NewRef(arg);
    for (int i = 0; i < 2; i++) {
        PyObject *next = PyObject_CallOneArg(func, cur);
        Py_DECREF(cur);
        if (next == NULL)
            return NULL;
        cur = next;
    }
    return cur;
}

static PyMethodDef sidefx_methods[] = {
    {"rewind", stream_rewind, METH_O, NULL},
    {"fire", fire_event, METH_VARARGS, NULL},
    {"apply_twice", apply_twice, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef sidefx_module = {
    PyModuleDef_HEAD_INIT, "sidefx", NULL, -1, sidefx_methods
};

PyMODINIT_FUNC
PyInit_sidefx(void)
{
    return PyModule_Create(&sidefx_module);
}
