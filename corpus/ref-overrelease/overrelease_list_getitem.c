/* ref-overrelease: PyList_GetItem returns a borrowed reference, but the
 * function releases it after converting it, as if it owned it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_as_str(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &list))
        return NULL;
    PyObject *first = PyList_GetItem(list, 0);
    if (first == NULL)
        return NULL;
    PyObject *s = PyObject_Str(first);
    Py_DECREF(first); // expected-warning{{ref-overrelease}}
    return s;
}

static PyMethodDef firsts_methods[] = {
    {"first_as_str", first_as_str, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef firsts_module = {
    PyModuleDef_HEAD_INIT, "firsts", NULL, -1, firsts_methods
};

PyMODINIT_FUNC
PyInit_firsts(void)
{
    return PyModule_Create(&firsts_module);
}
