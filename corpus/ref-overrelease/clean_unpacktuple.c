/* clean: PyArg_UnpackTuple outputs are borrowed; the result is returned
 * with its own new reference and nothing else is released. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
pick(PyObject *self, PyObject *args)
{
    PyObject *first, *second = Py_None;
    (void)self;
    if (!PyArg_UnpackTuple(args, "pick", 1, 2, &first, &second))
        return NULL;
    int truth = PyObject_IsTrue(second);
    if (truth < 0)
        return NULL;
    return Py_NewRef(truth ? second : first);
}

static PyMethodDef pick_methods[] = {
    {"pick", pick, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pick_module = {
    PyModuleDef_HEAD_INIT, "pick", NULL, -1, pick_methods
};

PyMODINIT_FUNC
PyInit_pick(void)
{
    return PyModule_Create(&pick_module);
}
