/* format-mismatch: "l" writes a C long through the pointer, but 'width' is
 * an int, so PyArg_ParseTuple overwrites the bytes that follow it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
grid_cell_count(PyObject *self, PyObject *args)
{
    int height;
    int width;
    if (!PyArg_ParseTuple(args, "il:cell_count", &height, &width)) // expected-warning{{format-mismatch}}
        return NULL;
    if (height < 0 || width < 0) {
        PyErr_SetString(PyExc_ValueError, "dimensions must be non-negative");
        return NULL;
    }
    return PyLong_FromLong((long)height * (long)width);
}

static PyMethodDef grid_methods[] = {
    {"cell_count", grid_cell_count, METH_VARARGS, "Number of cells of a grid."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef grid_module = {
    PyModuleDef_HEAD_INIT, "grid", NULL, -1, grid_methods
};

PyMODINIT_FUNC
PyInit_grid(void)
{
    return PyModule_Create(&grid_module);
}
