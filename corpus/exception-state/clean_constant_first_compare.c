/* clean: a status result compared with the constant written first
 * ("-1 == f()", "0 > g()", "NULL == p") is checked just as "f() == -1"
 * is: the failing outcome takes the error branch. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
remember(PyObject *registry, PyObject *item)
{
    if (PyDict_SetItemString(registry, "last", item) < 0)
        return -1;
    return 0;
}

static PyObject *
tally_note(PyObject *registry, PyObject *item)
{
    if (-1 == remember(registry, item))
        return NULL;
    if (0 > PyObject_Length(item))
        return NULL;
    PyObject *count = PyLong_FromLong(1);
    if (NULL == count)
        return NULL;
    return count;
}

static PyMethodDef tally_methods[] = {
    {"note", tally_note, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef tally_module = {
    PyModuleDef_HEAD_INIT, "tally", NULL, -1, tally_methods
};

PyMODINIT_FUNC
PyInit_tally(void)
{
    return PyModule_Create(&tally_module);
}
