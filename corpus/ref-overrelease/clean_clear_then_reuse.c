/* clean: Py_CLEAR releases a reference and sets the variable to NULL; the
 * variable is then reassigned and finally released with Py_XDECREF. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
describe(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int use_repr;
    PyObject *text = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "Op", &obj, &use_repr))
        return NULL;
    text = PyObject_Str(obj);
    if (text == NULL)
        return NULL;
    if (use_repr) {
        Py_CLEAR(text);
        text = PyObject_Repr(obj);
        if (text == NULL)
            goto done;
    }
    result = PyUnicode_FromFormat("<%U>", text);
done:
    Py_XDECREF(text);
    return result;
}

static PyObject *
drop_all(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *item = NULL;
    for (;;) {
        Py_CLEAR(item);
        item = PyIter_Next(it);
        if (item == NULL)
            break;
    }
    Py_XDECREF(item);
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef describe_methods[] = {
    {"describe", describe, METH_VARARGS, NULL},
    {"drop_all", drop_all, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef describe_module = {
    PyModuleDef_HEAD_INIT, "describe", NULL, -1, describe_methods
};

PyMODINIT_FUNC
PyInit_describe(void)
{
    return PyModule_Create(&describe_module);
}
