/* clean: module initialisation checks every PyModule_Add*() result and
 * releases what it holds on failure. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *ColorError;

static PyObject *
colors_rgb_hex(PyObject *self, PyObject *args)
{
    int r, g, b;
    if (!PyArg_ParseTuple(args, "iii", &r, &g, &b))
        return NULL;
    if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
        PyErr_SetString(ColorError, "components must be in 0..255");
        return NULL;
    }
    return PyUnicode_FromFormat("#%02x%02x%02x", r, g, b);
}

static PyMethodDef colors_methods[] = {
    {"rgb_hex", colors_rgb_hex, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef colors_module = {
    PyModuleDef_HEAD_INIT, "colors", NULL, -1, colors_methods
};

PyMODINIT_FUNC
PyInit_colors(void)
{
    PyObject *m = PyModule_Create(&colors_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "MAX_COMPONENT", 255) < 0)
        goto error;
    if (PyModule_AddStringConstant(m, "BLACK", "#000000") < 0)
        goto error;
    ColorError = PyErr_NewException("colors.ColorError", PyExc_ValueError, NULL);
    if (ColorError == NULL)
        goto error;
    if (PyModule_AddObjectRef(m, "ColorError", ColorError) < 0)
        goto error;
    return m;

error:
    Py_CLEAR(ColorError);
    Py_DECREF(m);
    return NULL;
}
