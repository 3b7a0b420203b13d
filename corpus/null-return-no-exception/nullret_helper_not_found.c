/* null-return-no-exception: a static helper returns NULL without an
 * exception when the name is not in its table; the method passes that NULL
 * straight to Python. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static const struct { const char *name; long value; } colors[] = {
    {"red", 0xff0000}, {"green", 0x00ff00}, {"blue", 0x0000ff},
};

static PyObject *
find_color(const char *name)
{
    for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
        if (strcmp(colors[i].name, name) == 0)
            return PyLong_FromLong(colors[i].value);
    return NULL;
}

static PyObject *
color_value(PyObject *self, PyObject *args)
{
    const char *name;
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    PyObject *value = find_color(name);
    if (value == NULL)
        return NULL; // expected-warning{{null-return-no-exception}}
    return value;
}

static PyMethodDef colors_methods[] = {
    {"color_value", color_value, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef colors_module = {
    PyModuleDef_HEAD_INIT, "colors", NULL, -1, colors_methods
};

PyMODINIT_FUNC
PyInit_colors(void)
{
    return PyModule_Create(&colors_module);
}
