/* ref-leak: a binary operation starts from a borrowed Py_NotImplemented and
 * adds a reference only when the result is still that object.  The result of
 * the operation is made by calling the operand's class, and a subclass's
 * __new__ may return NotImplemented itself, as a new reference: then the
 * extra Py_INCREF leaks one reference on every call. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
rebuild_shifted(PyObject *point, long shift)
{
    PyObject *cls = (PyObject *)Py_TYPE(point);
    return PyObject_CallFunction(cls, "l", shift);
}

static PyObject *
point_subtract(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;

    if (PyLong_Check(right)) {
        long shift = PyLong_AsLong(right);
        if (shift == -1 && PyErr_Occurred())
            return NULL;
        result = rebuild_shifted(left, -shift); // expected-warning{{ref-leak}}
        if (result == NULL)
            return NULL;
    }
    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyNumberMethods point_as_number = {
    .nb_subtract = point_subtract,
};

static PyTypeObject Point_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "shapes.Point",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_as_number = &point_as_number,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef shapes_module = {
    PyModuleDef_HEAD_INIT, "shapes", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_shapes(void)
{
    if (PyType_Ready(&Point_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&shapes_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&Point_Type);
    if (PyModule_AddObject(m, "Point", (PyObject *)&Point_Type) < 0) {
        Py_DECREF(&Point_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
