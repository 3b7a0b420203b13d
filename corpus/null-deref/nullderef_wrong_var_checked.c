/* null-deref: copy-paste slip: 'x_obj' is checked twice and 'y_obj' never,
 * so a failed PyFloat_FromDouble() reaches PyDict_SetItemString(). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make_point(PyObject *self, PyObject *args)
{
    double x, y;
    PyObject *x_obj = NULL, *y_obj = NULL, *point = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "dd", &x, &y))
        return NULL;
    point = PyDict_New();
    if (point == NULL)
        goto error;
    x_obj = PyFloat_FromDouble(x);
    if (x_obj == NULL)
        goto error;
    y_obj = PyFloat_FromDouble(y);
    if (x_obj == NULL)
        goto error;
    if (PyDict_SetItemString(point, "x", x_obj) < 0)
        goto error;
    if (PyDict_SetItemString(point, "y", y_obj) < 0) // expected-warning{{null-deref}}
        goto error;
    Py_DECREF(x_obj);
    Py_DECREF(y_obj);
    return point;
error:
    Py_XDECREF(x_obj);
    Py_XDECREF(y_obj);
    Py_XDECREF(point);
    return NULL;
}

static PyMethodDef points_methods[] = {
    {"make_point", make_point, METH_VARARGS, NULL},
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
