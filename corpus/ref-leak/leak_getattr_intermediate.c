/* ref-leak: the bound method fetched with PyObject_GetAttrString is passed
 * to PyObject_CallObject and never released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
fire_event(PyObject *self, PyObject *args)
{
    PyObject *target;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &target, &name))
        return NULL;
    PyObject *hook = PyObject_GetAttrString(target, "on_event"); // expected-warning{{ref-leak}}
    if (hook == NULL)
        return NULL;
    PyObject *call_args = Py_BuildValue("(s)", name);
    if (call_args == NULL)
        return NULL;
    PyObject *result = PyObject_CallObject(hook, call_args);
    Py_DECREF(call_args);
    return result;
}

static PyMethodDef events_methods[] = {
    {"fire", fire_event, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef events_module = {
    PyModuleDef_HEAD_INIT, "events", NULL, -1, events_methods
};

PyMODINIT_FUNC
PyInit_events(void)
{
    return PyModule_Create(&events_module);
}
