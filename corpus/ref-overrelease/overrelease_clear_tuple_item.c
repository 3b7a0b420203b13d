/* ref-overrelease: Py_CLEAR on a PyTuple_GET_ITEM result (borrowed from
 * the argument tuple) at the end of each loop iteration. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
first_true(PyObject *self, PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        int t = PyObject_IsTrue(item);
        if (t < 0)
            return NULL;
        if (t)
            return Py_NewRef(item);
        Py_CLEAR(item); // expected-warning{{ref-overrelease}}
    }
    Py_RETURN_NONE;
}

static PyMethodDef truth_methods[] = {
    {"first_true", first_true, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef truth_module = {
    PyModuleDef_HEAD_INIT, "truth", NULL, -1, truth_methods
};

PyMODINIT_FUNC
PyInit_truth(void)
{
    return PyModule_Create(&truth_module);
}
