/* clean: nested tuples "(ii)(dd)" in PyArg_ParseTuple and "((ii)d)" in
 * Py_BuildValue, with one pointer or value per unit inside them. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
geom_translate(PyObject *self, PyObject *args)
{
    int x, y;
    double dx, dy;
    if (!PyArg_ParseTuple(args, "(ii)(dd):translate", &x, &y, &dx, &dy))
        return NULL;
    return Py_BuildValue("(dd)", x + dx, y + dy);
}

static PyObject *
geom_rect(PyObject *self, PyObject *args)
{
    int x0, y0, x1, y1;
    if (!PyArg_ParseTuple(args, "((ii)(ii))", &x0, &y0, &x1, &y1))
        return NULL;
    double area = (double)(x1 - x0) * (double)(y1 - y0);
    return Py_BuildValue("((ii)(ii)d)", x0, y0, x1, y1, area);
}

static PyObject *
geom_origin(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("((ii)d)", 0, 0, 0.0);
}

static PyMethodDef geom_methods[] = {
    {"translate", geom_translate, METH_VARARGS, NULL},
    {"rect", geom_rect, METH_VARARGS, NULL},
    {"origin", geom_origin, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef geom_module = {
    PyModuleDef_HEAD_INIT, "geom", NULL, -1, geom_methods
};

PyMODINIT_FUNC
PyInit_geom(void)
{
    return PyModule_Create(&geom_module);
}
