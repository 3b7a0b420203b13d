/* ref-overrelease: the objects PyArg_UnpackTuple stores are borrowed from
 * the argument tuple; releasing one takes a reference the caller owns. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
pick(PyObject *self, PyObject *args)
{
    PyObject *first, *second = Py_None;
    (void)self;
    if (!PyArg_UnpackTuple(args, "pick", 1, 2, &first, &second))
        return NULL;
    Py_DECREF(first); // expected-warning{{ref-overrelease}}
    return Py_NewRef(second);
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
