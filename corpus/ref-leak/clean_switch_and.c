/* clean: a switch whose every case either returns the new reference or
 * fails, with an '&&' condition on a tracked value and Py_SETREF. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
convert(PyObject *self, PyObject *args)
{
    int mode;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "iO", &mode, &obj))
        return NULL;
    PyObject *res = NULL;
    switch (mode) {
    case 0:
        res = PyNumber_Long(obj);
        break;
    case 1:
        res = PyNumber_Float(obj);
        break;
    case 2:
        res = PyObject_Repr(obj);
        if (res != NULL && PyUnicode_GET_LENGTH(res) > 80)
            Py_SETREF(res, PyUnicode_Substring(res, 0, 80));
        break;
    default:
        PyErr_Format(PyExc_ValueError, "bad mode %d", mode);
        return NULL;
    }
    return res;
}

static PyMethodDef convert_methods[] = {
    {"convert", convert, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef convert_module = {
    PyModuleDef_HEAD_INIT, "convert", NULL, -1, convert_methods
};

PyMODINIT_FUNC
PyInit_convert(void)
{
    return PyModule_Create(&convert_module);
}
