/* clean: METH_CLASS, METH_STATIC and METH_COEXIST are modifiers; combined
 * with a calling convention the usual signatures still apply. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double w, h;
} BoxObject;

static PyObject *
Box_unit(PyObject *cls, PyObject *Py_UNUSED(ignored))
{
    return PyObject_CallFunction(cls, "dd", 1.0, 1.0);
}

static PyObject *
Box_from_pair(PyObject *cls, PyObject *args)
{
    double w, h;
    if (!PyArg_ParseTuple(args, "(dd):from_pair", &w, &h))
        return NULL;
    return PyObject_CallFunction(cls, "dd", w, h);
}

static PyObject *
Box_area_of(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "area_of() takes 2 arguments");
        return NULL;
    }
    double w = PyFloat_AsDouble(args[0]);
    if (w == -1.0 && PyErr_Occurred())
        return NULL;
    double h = PyFloat_AsDouble(args[1]);
    if (h == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(w * h);
}

static PyObject *
Box_contains(PyObject *self, PyObject *arg)
{
    double v = PyFloat_AsDouble(arg);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    BoxObject *b = (BoxObject *)self;
    return PyBool_FromLong(v >= 0.0 && v <= b->w && v <= b->h);
}

static int
Box_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"w", "h", NULL};
    BoxObject *b = (BoxObject *)self;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd:Box", kwlist, &b->w, &b->h))
        return -1;
    return 0;
}

static PyMethodDef Box_methods[] = {
    {"unit", Box_unit, METH_CLASS | METH_NOARGS, NULL},
    {"from_pair", Box_from_pair, METH_VARARGS | METH_CLASS, NULL},
    {"area_of", (PyCFunction)(void (*)(void))Box_area_of, METH_STATIC | METH_FASTCALL, NULL},
    {"__contains__", Box_contains, METH_O | METH_COEXIST, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Box_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "box.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = Box_methods,
    .tp_init = Box_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef box_module = {
    PyModuleDef_HEAD_INIT, "box", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_box(void)
{
    if (PyType_Ready(&Box_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&box_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Box", (PyObject *)&Box_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
