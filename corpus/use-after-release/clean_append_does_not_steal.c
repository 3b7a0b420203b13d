/* clean: PyList_Append does not steal, so the item is still owned and used
 * after appending; after PyList_SetItem (which steals) the item is used only
 * while the list that owns it is alive. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
append_and_hash(PyObject *self, PyObject *args)
{
    PyObject *list;
    const char *s;
    if (!PyArg_ParseTuple(args, "O!s", &PyList_Type, &list, &s))
        return NULL;
    PyObject *item = PyUnicode_FromString(s);
    if (item == NULL)
        return NULL;
    if (PyList_Append(list, item) < 0) {
        Py_DECREF(item);
        return NULL;
    }
    Py_hash_t h = PyObject_Hash(item);
    Py_DECREF(item);
    if (h == -1)
        return NULL;
    return PyLong_FromSsize_t(h);
}

static PyObject *
filled(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    const char *fill;
    if (!PyArg_ParseTuple(args, "ns", &n, &fill))
        return NULL;
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "n must be positive");
        return NULL;
    }
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    PyObject *first = PyUnicode_FromString(fill);
    if (first == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_SetItem(list, 0, first) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    for (Py_ssize_t i = 1; i < n; i++)
        PyList_SET_ITEM(list, i, Py_NewRef(first));
    return list;
}

static PyMethodDef appends_methods[] = {
    {"append_and_hash", append_and_hash, METH_VARARGS, NULL},
    {"filled", filled, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef appends_module = {
    PyModuleDef_HEAD_INIT, "appends", NULL, -1, appends_methods
};

PyMODINIT_FUNC
PyInit_appends(void)
{
    return PyModule_Create(&appends_module);
}
