/* clean: parse_point() returns -1 with an exception set, or 0 on success.
 * Its callers test the result for truth ("if (parse_point(...))"), which
 * is only true on failure, so the NULL they return comes with the
 * helper's exception. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
parse_point(PyObject *xy, long *x, long *y)
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
    return 0;
}

static PyObject *
manhattan(PyObject *module, PyObject *xy)
{
    long x, y;
    (void)module;
    if (parse_point(xy, &x, &y))
        return NULL;
    return PyLong_FromLong(labs(x) + labs(y));
}

static PyMethodDef points_methods[] = {
    {"manhattan", manhattan, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef points_module = {
    PyModuleDef_HEAD_INIT, "points", NULL, -1, points_methods
};

PyMODINIT_FUNC
PyInit_points(void)
{
    return PyModule_Create(&points_module);
}
