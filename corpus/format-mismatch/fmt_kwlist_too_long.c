/* format-mismatch: the keyword list names four parameters but the format
 * "n|n:slice" has only two units. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ring_slice(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "stop", "step", "wrap", NULL};
    Py_ssize_t start, stop = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "n|n:slice", kwlist, &start, &stop)) // expected-warning{{format-mismatch}}
        return NULL;
    return Py_BuildValue("(nn)", start, stop);
}

static PyMethodDef ring_methods[] = {
    {"slice", (PyCFunction)(void (*)(void))ring_slice,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ring_module = {
    PyModuleDef_HEAD_INIT, "ring", NULL, -1, ring_methods
};

PyMODINIT_FUNC
PyInit_ring(void)
{
    return PyModule_Create(&ring_module);
}
