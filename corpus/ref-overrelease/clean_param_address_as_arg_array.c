/* clean: make_point() calls the Point class with its one argument by
 * passing the address of its parameter as a one-item argument array
 * (PyObject_Vectorcall(cls, &arg, 1, NULL)).  That borrows the argument:
 * nothing takes the caller's reference over, so callers that pass a
 * borrowed reference are right not to own one. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *point_class;   /* set by the module's setup function */

static PyObject *
make_point(PyObject *coords)
{
    if (coords != NULL)
        return PyObject_Vectorcall(point_class, &coords, 1, NULL);
    return PyObject_Vectorcall(point_class, NULL, 0, NULL);
}

static PyObject *
point_from(PyObject *self, PyObject *arg)
{
    return make_point(arg);
}

static PyObject *
set_point_class(PyObject *self, PyObject *cls)
{
    Py_XSETREF(point_class, Py_NewRef(cls));
    Py_RETURN_NONE;
}

static PyMethodDef point_methods[] = {
    {"point_from", point_from, METH_O, NULL},
    {"set_point_class", set_point_class, METH_O, NULL},
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
