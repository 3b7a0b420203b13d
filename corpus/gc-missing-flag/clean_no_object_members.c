/* clean: Point takes objects as arguments but keeps only C doubles
 * converted from them; it holds no object references at all, so it needs
 * neither Py_TPFLAGS_HAVE_GC nor tp_traverse. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} PointObject;

static int
Point_init(PointObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", NULL};
    PyObject *xobj, *yobj;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Point", kwlist, &xobj, &yobj))
        return -1;
    double x = PyFloat_AsDouble(xobj);
    if (x == -1.0 && PyErr_Occurred())
        return -1;
    double y = PyFloat_AsDouble(yobj);
    if (y == -1.0 && PyErr_Occurred())
        return -1;
    self->x = x;
    self->y = y;
    return 0;
}

static PyObject *
Point_norm2(PointObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyFloat_FromDouble(self->x * self->x + self->y * self->y);
}

static PyMethodDef Point_methods[] = {
    {"norm2", (PyCFunction)Point_norm2, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Point_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pointmod.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Point_methods,
    .tp_init = (initproc)Point_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef pointmod_module = {
    PyModuleDef_HEAD_INIT, "pointmod", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_pointmod(void)
{
    if (PyType_Ready(&Point_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pointmod_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Point", (PyObject *)&Point_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
