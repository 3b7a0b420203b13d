/* format-mismatch: the format "(iii)" takes three ints but only two are
 * passed, so Py_BuildValue reads a third value that was never supplied. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
color_rgb(PyObject *self, PyObject *args)
{
    int r, g, b;
    if (!PyArg_ParseTuple(args, "iii:rgb", &r, &g, &b))
        return NULL;
    if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
        PyErr_SetString(PyExc_ValueError, "component out of range");
        return NULL;
    }
    return Py_BuildValue("(iii)", r, g); // expected-warning{{format-mismatch}}
}

static PyObject *
color_gray(PyObject *self, PyObject *arg)
{
    long level = PyLong_AsLong(arg);
    if (level == -1 && PyErr_Occurred())
        return NULL;
    if (level < 0 || level > 255) {
        PyErr_SetString(PyExc_ValueError, "level out of range");
        return NULL;
    }
    int v = (int)level;
    return Py_BuildValue("(iii)", v, v, v);
}

static PyMethodDef color_methods[] = {
    {"rgb", color_rgb, METH_VARARGS, NULL},
    {"gray", color_gray, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef color_module = {
    PyModuleDef_HEAD_INIT, "color", NULL, -1, color_methods
};

PyMODINIT_FUNC
PyInit_color(void)
{
    return PyModule_Create(&color_module);
}
