/* null-return-no-exception: is_origin() returns -1 with an exception set,
 * or a truth value: 1 for the origin.  Its caller tests the result for
 * truth as if it were a status, so for the origin it returns NULL with no
 * exception set. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
is_origin(PyObject *xy, long *x, long *y)
{
    if (!PyTuple_Check(xy) || PyTuple_GET_SIZE(xy) != 2) {
        PyErr_SetString(PyExc_TypeError, "expected an (x, y) pair");
        return -1;
    }
    long vx = PyLong_AsLong(PyTuple_GET_ITEM(xy, 0));
    if (vx == -1 && PyErr_Occurred())
        return -1;
    long vy = PyLong_AsLong(PyTuple_GET_ITEM(xy, 1));
    if (vy == -1 && PyErr_Occurred())
        return -1;
    *x = vx;
    *y = vy;
    return vx == 0 && vy == 0;
}

static PyObject *
manhattan(PyObject *module, PyObject *xy)
{
    long x, y;
    (void)module;
    if (is_origin(xy, &x, &y))
        return NULL; // expected-warning{{null-return-no-exception}}
    return PyLong_FromLong(labs(x) + labs(y));
}

static PyMethodDef points_methods[] = {
    {"manhattan", manhattan, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef points_module = {
    PyModuleDef_HEAD_INIT, "origin", NULL, -1, points_methods
};

PyMODINIT_FUNC
PyInit_origin(void)
{
    return PyModule_Create(&points_module);
}
