/* null-deref: the leader is picked from one tuple and compared with the
 * items of another.  When the first tuple is empty the leader stays NULL,
 * yet the second loop runs over the other tuple's items. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
count_like_first(PyObject *module, PyObject *args)
{
    PyObject *items, *others;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!O!", &PyTuple_Type, &items,
                          &PyTuple_Type, &others))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(items), m = PyTuple_GET_SIZE(others), i;
    PyObject *leader = NULL;
    for (i = 0; i < n; i++) {
        if (leader == NULL)
            leader = PyTuple_GET_ITEM(items, i);
    }
    Py_ssize_t same = 0;
    for (i = 0; i < m; i++) {
        int eq = PyObject_RichCompareBool(leader, PyTuple_GET_ITEM(others, i), // expected-warning{{null-deref}}
                                          Py_EQ);
        if (eq < 0)
            return NULL;
        same += eq;
    }
    return PyLong_FromSsize_t(same);
}

static PyMethodDef first_methods[] = {
    {"count_like_first", count_like_first, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef first_module = {
    PyModuleDef_HEAD_INIT, "first", NULL, -1, first_methods
};

PyMODINIT_FUNC
PyInit_first(void)
{
    return PyModule_Create(&first_module);
}
