/* ref-leak: 'px' leaks when the second allocation fails and the function
 * returns NULL without releasing it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
point_as_dict(PyObject *self, PyObject *args)
{
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y))
        return NULL;
    PyObject *px = PyFloat_FromDouble(x); // expected-warning{{ref-leak}}
    if (px == NULL)
        return NULL;
    PyObject *py = PyFloat_FromDouble(y);
    if (py == NULL)
        return NULL;                      /* leaks 'px' */
    PyObject *d = PyDict_New();
    if (d == NULL)
        goto fail;
    if (PyDict_SetItemString(d, "x", px) < 0 ||
        PyDict_SetItemString(d, "y", py) < 0) {
        Py_DECREF(d);
        goto fail;
    }
    Py_DECREF(px);
    Py_DECREF(py);
    return d;
fail:
    Py_DECREF(px);
    Py_DECREF(py);
    return NULL;
}

static PyMethodDef point_methods[] = {
    {"as_dict", point_as_dict, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef point_module = {
    PyModuleDef_HEAD_INIT, "point", NULL, -1, point_methods
};

PyMODINIT_FUNC
PyInit_point(void)
{
    return PyModule_Create(&point_module);
}
