/* format-mismatch: "d" takes a double, but 'percent' is an int; and "(Oi)"
 * takes two values where PyObject_CallFunction is given one. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
widget_zoom(PyObject *self, PyObject *args)
{
    PyObject *widget;
    int percent;
    if (!PyArg_ParseTuple(args, "Oi:zoom", &widget, &percent))
        return NULL;
    PyObject *r = PyObject_CallMethod(widget, "set_scale", "d", percent); // expected-warning{{format-mismatch}}
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *
widget_notify(PyObject *self, PyObject *args)
{
    PyObject *callback, *widget;
    if (!PyArg_ParseTuple(args, "OO:notify", &callback, &widget))
        return NULL;
    PyObject *r = PyObject_CallFunction(callback, "(Oi)", widget); // expected-warning{{format-mismatch}}
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyMethodDef widget_methods[] = {
    {"zoom", widget_zoom, METH_VARARGS, NULL},
    {"notify", widget_notify, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef widget_module = {
    PyModuleDef_HEAD_INIT, "widget", NULL, -1, widget_methods
};

PyMODINIT_FUNC
PyInit_widget(void)
{
    return PyModule_Create(&widget_module);
}
