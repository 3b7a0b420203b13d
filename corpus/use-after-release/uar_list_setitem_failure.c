/* use-after-release: PyList_SetItem steals (and on failure releases) the
 * value, which the failure branch then formats into the error message. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
store_at(PyObject *self, PyObject *args)
{
    PyObject *list;
    Py_ssize_t i;
    long v;
    if (!PyArg_ParseTuple(args, "O!nl", &PyList_Type, &list, &i, &v))
        return NULL;
    PyObject *value = PyLong_FromLong(v);
    if (value == NULL)
        return NULL;
    if (PyList_SetItem(list, i, value) < 0) {
        PyErr_Format(PyExc_IndexError, "cannot store %R at %zd", value, i); // expected-warning{{use-after-release}}
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef store_methods[] = {
    {"store_at", store_at, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef store_module = {
    PyModuleDef_HEAD_INIT, "store", NULL, -1, store_methods
};

PyMODINIT_FUNC
PyInit_store(void)
{
    return PyModule_Create(&store_module);
}
