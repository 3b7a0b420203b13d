/* null-return-no-exception: the search loop returns NULL whenever
 * PyIter_Next() does, also when the iterable is simply exhausted (no
 * exception: "not found" should raise ValueError). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_true(PyObject *self, PyObject *iterable)
{
    PyObject *it, *item;
    (void)self;
    it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    for (;;) {
        item = PyIter_Next(it);
        if (item == NULL) {
            Py_DECREF(it);
            return NULL; // expected-warning{{null-return-no-exception}}
        }
        int truth = PyObject_IsTrue(item);
        if (truth < 0) {
            Py_DECREF(item);
            Py_DECREF(it);
            return NULL;
        }
        if (truth) {
            Py_DECREF(it);
            return item;
        }
        Py_DECREF(item);
    }
}

static PyMethodDef search_methods[] = {
    {"first_true", first_true, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef search_module = {
    PyModuleDef_HEAD_INIT, "search", NULL, -1, search_methods
};

PyMODINIT_FUNC
PyInit_search(void)
{
    return PyModule_Create(&search_module);
}
