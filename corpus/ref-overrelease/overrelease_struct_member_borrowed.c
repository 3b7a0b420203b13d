/* overrelease: a borrowed item kept in a member of a local struct is
 * still borrowed when it is read back: returning it without a
 * reference of the function's own gives the caller one it does not get. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *best;
    Py_ssize_t index;
} Pick;

static PyObject *
choose(PyObject *module, PyObject *list)
{
    Pick pick;
    (void)module;
    if (!PyList_Check(list) || PyList_GET_SIZE(list) == 0) {
        PyErr_SetString(PyExc_ValueError, "a non-empty list is required");
        return NULL;
    }
    pick.best = PyList_GET_ITEM(list, 0);
    pick.index = 0;
    if (pick.index != 0)
        Py_RETURN_NONE;
    return pick.best;   // expected-warning{{ref-overrelease}}
}

static PyMethodDef choose_methods[] = {
    {"choose", choose, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef choose_module = {
    PyModuleDef_HEAD_INIT, "choose", NULL, -1, choose_methods
};

PyMODINIT_FUNC
PyInit_choose(void)
{
    return PyModule_Create(&choose_module);
}
