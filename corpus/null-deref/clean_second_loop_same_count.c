/* clean: two loops over the same count.  The first picks the leader, the
 * first item, so after it the leader is NULL only when the count is 0 or
 * less; then the second loop, which compares each item with the leader,
 * does not run either. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
count_like_leader(PyObject *module, PyObject *items)
{
    (void)module;
    if (!PyTuple_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "a tuple is required");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(items), i;
    PyObject *leader = NULL;
    for (i = 0; i < n; i++) {
        if (leader == NULL)
            leader = PyTuple_GET_ITEM(items, i);
    }
    Py_ssize_t same = 0;
    for (i = 0; i < n; i++) {
        int eq = PyObject_RichCompareBool(leader, PyTuple_GET_ITEM(items, i),
                                          Py_EQ);
        if (eq < 0)
            return NULL;
        same += eq;
    }
    return PyLong_FromSsize_t(same);
}

static PyMethodDef leader_methods[] = {
    {"count_like_leader", count_like_leader, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef leader_module = {
    PyModuleDef_HEAD_INIT, "leader", NULL, -1, leader_methods
};

PyMODINIT_FUNC
PyInit_leader(void)
{
    return PyModule_Create(&leader_module);
}
