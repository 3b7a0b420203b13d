/* methoddef-mismatch: the PyMemberDef table of Point has no {NULL}
 * sentinel; its METH_O method is declared with the wrong arity too. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} PointObject;

static PyObject *
Point_scale(PointObject *self, PyObject *factor, PyObject *unused)
{
    double f = PyFloat_AsDouble(factor);
    if (f == -1.0 && PyErr_Occurred())
        return NULL;
    self->x *= f;
    self->y *= f;
    Py_RETURN_NONE;
}

static PyMemberDef Point_members[] = { // expected-warning{{methoddef-mismatch}}
    {"x", T_DOUBLE, offsetof(PointObject, x), 0, "x coordinate"},
    {"y", T_DOUBLE, offsetof(PointObject, y), 0, "y coordinate"},
};

static PyMethodDef Point_methods[] = {
    {"scale", (PyCFunction)(void (*)(void))Point_scale, METH_O, NULL}, // expected-warning{{methoddef-mismatch}}
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Point_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "point.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = Point_members,
    .tp_methods = Point_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef point_module = {
    PyModuleDef_HEAD_INIT, "point", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_point(void)
{
    if (PyType_Ready(&Point_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&point_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Point", (PyObject *)&Point_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
