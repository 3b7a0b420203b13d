/* clean: an unsigned count that is not 0 and not above 1 is exactly 1.
 * The result tuple is made only for counts above 1; for a count of 1 the
 * single value is returned before the tuple would be filled. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
pick_results(PyObject *values, unsigned int wanted)
{
    PyObject *tup = NULL;
    if (wanted == 0)
        Py_RETURN_NONE;
    if (wanted > 1) {
        tup = PyTuple_New(wanted);
        if (tup == NULL)
            return NULL;
    }
    for (unsigned int i = 0; i < wanted; i++) {
        PyObject *v = PySequence_GetItem(values, i);
        if (v == NULL || wanted == 1) {
            Py_XDECREF(tup);
            return v;
        }
        PyTuple_SET_ITEM(tup, i, v);
    }
    return tup;
}

static PyObject *
results(PyObject *module, PyObject *args)
{
    PyObject *values;
    unsigned int wanted;
    (void)module;
    if (!PyArg_ParseTuple(args, "OI", &values, &wanted))
        return NULL;
    return pick_results(values, wanted);
}

static PyMethodDef results_methods[] = {
    {"results", results, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef results_module = {
    PyModuleDef_HEAD_INIT, "results", NULL, -1, results_methods
};

PyMODINIT_FUNC
PyInit_results(void)
{
    return PyModule_Create(&results_module);
}
