/* clean: hold() adds a reference to its argument and returns it (the
 * caller then owns one more reference to the same object, not a new
 * object).  pin_twice() takes extra references to its counter that way
 * (three: Py_INCREF(hold(counter)) adds two) and drops all four it owns
 * at the end, so nothing leaks and nothing is released twice. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
hold(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}

static PyObject *
pin_twice(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *counter = PyLong_FromLong(42);
    if (counter == NULL)
        return NULL;
    Py_INCREF(hold(counter));
    PyObject *same = hold(counter);
    long value = PyLong_AsLong(same);
    Py_DECREF(counter);
    Py_DECREF(counter);
    Py_DECREF(counter);
    Py_DECREF(same);
    if (value == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(value + 1);
}

static PyObject *
hold_arg(PyObject *self, PyObject *arg)
{
    return hold(arg);
}

static PyMethodDef pin_methods[] = {
    {"pin_twice", pin_twice, METH_NOARGS, NULL},
    {"hold_arg", hold_arg, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pin_module = {
    PyModuleDef_HEAD_INIT, "pin", NULL, -1, pin_methods
};

PyMODINIT_FUNC
PyInit_pin(void)
{
    return PyModule_Create(&pin_module);
}
