/* null-deref: PyList_GetItem() fails with IndexError on an empty matrix;
 * the row is measured with PyList_GET_SIZE without a check. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
matrix_shape(PyObject *self, PyObject *matrix)
{
    (void)self;
    if (!PyList_Check(matrix)) {
        PyErr_SetString(PyExc_TypeError, "matrix must be a list of lists");
        return NULL;
    }
    PyObject *row = PyList_GetItem(matrix, 0);
    Py_ssize_t ncols = PyList_GET_SIZE(row); // expected-warning{{null-deref}}
    return Py_BuildValue("(nn)", PyList_GET_SIZE(matrix), ncols);
}

static PyMethodDef matrix_methods[] = {
    {"shape", matrix_shape, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef matrix_module = {
    PyModuleDef_HEAD_INIT, "matrix", NULL, -1, matrix_methods
};

PyMODINIT_FUNC
PyInit_matrix(void)
{
    return PyModule_Create(&matrix_module);
}
