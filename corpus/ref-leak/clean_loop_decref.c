/* clean: loops that release the per-iteration reference on every path
 * (iterator protocol, and building a list with PyList_Append). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
count_truthy(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    long count = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t < 0) {
            Py_DECREF(it);
            return NULL;
        }
        count += t;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(count);
}

static PyObject *
squares(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i * i);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        int rc = PyList_Append(list, v);
        Py_DECREF(v);
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyMethodDef loops_methods[] = {
    {"count_truthy", count_truthy, METH_O, NULL},
    {"squares", squares, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef loops_module = {
    PyModuleDef_HEAD_INIT, "loops", NULL, -1, loops_methods
};

PyMODINIT_FUNC
PyInit_loops(void)
{
    return PyModule_Create(&loops_module);
}
