/* clean: fresh references are handed to a tuple with PyTuple_SET_ITEM and
 * then still used, but only while the tuple that now owns them is alive. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
call_with_bounds(PyObject *self, PyObject *args)
{
    PyObject *func;
    long lo, hi;
    if (!PyArg_ParseTuple(args, "Oll", &func, &lo, &hi))
        return NULL;
    PyObject *plo = PyLong_FromLong(lo);
    if (plo == NULL)
        return NULL;
    PyObject *phi = PyLong_FromLong(hi);
    if (phi == NULL) {
        Py_DECREF(plo);
        return NULL;
    }
    PyObject *call_args = PyTuple_New(2);
    if (call_args == NULL) {
        Py_DECREF(plo);
        Py_DECREF(phi);
        return NULL;
    }
    PyTuple_SET_ITEM(call_args, 0, plo);
    PyTuple_SET_ITEM(call_args, 1, phi);
    PyObject *result = PyObject_Call(func, call_args, NULL);
    if (result == NULL) {
        Py_DECREF(call_args);
        return NULL;
    }
    int in_range = PyObject_RichCompareBool(plo, result, Py_LE);
    if (in_range > 0)
        in_range = PyObject_RichCompareBool(result, phi, Py_LE);
    Py_DECREF(call_args);
    if (in_range < 0) {
        Py_DECREF(result);
        return NULL;
    }
    if (!in_range) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_ValueError, "callback result out of range");
        return NULL;
    }
    return result;
}

static PyObject *
labelled(PyObject *self, PyObject *obj)
{
    PyObject *label = PyObject_Repr(obj);
    if (label == NULL)
        return NULL;
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        Py_DECREF(label);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, label);
    PyTuple_SET_ITEM(pair, 1, Py_NewRef(obj));
    if (PyUnicode_GET_LENGTH(label) > 60) {
        Py_DECREF(pair);
        PyErr_SetString(PyExc_ValueError, "label too long");
        return NULL;
    }
    return pair;
}

static PyMethodDef bounds_methods[] = {
    {"call_with_bounds", call_with_bounds, METH_VARARGS, NULL},
    {"labelled", labelled, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef bounds_module = {
    PyModuleDef_HEAD_INIT, "bounds", NULL, -1, bounds_methods
};

PyMODINIT_FUNC
PyInit_bounds(void)
{
    return PyModule_Create(&bounds_module);
}
