/* clean: vec_mul is a number slot that starts from Py_NotImplemented and
 * replaces it with the result of scale_vec(), a helper of the file that
 * returns NULL or a newly made vector (through make_vec(), which
 * allocates with tp_alloc).  The final "result == Py_NotImplemented" test
 * can only be true for the untouched start value, a borrowed reference
 * that the Py_INCREF makes the caller's: a new vector is never the
 * NotImplemented singleton, so nothing leaks. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double x, y;
} VecObject;

static PyTypeObject Vec_Type;

static PyObject *
make_vec(PyTypeObject *type, double x, double y)
{
    VecObject *v = (VecObject *)type->tp_alloc(type, 0);
    if (v == NULL)
        return NULL;
    v->x = x;
    v->y = y;
    return (PyObject *)v;
}

static PyObject *
scale_vec(VecObject *v, PyObject *factor)
{
    double f = PyFloat_AsDouble(factor);
    if (f == -1.0 && PyErr_Occurred())
        return NULL;
    return make_vec(Py_TYPE(v), v->x * f, v->y * f);
}

static PyObject *
vec_pair(VecObject *v)
{
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL)
        return NULL;
    PyObject *x = PyFloat_FromDouble(v->x);
    if (x == NULL) {
        Py_DECREF(pair);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, x);
    PyObject *y = PyFloat_FromDouble(v->y);
    if (y == NULL) {
        Py_DECREF(pair);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 1, y);
    return pair;
}

static PyObject *
vec_mul(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;

    if (PyObject_TypeCheck(left, &Vec_Type) && PyFloat_Check(right))
        result = scale_vec((VecObject *)left, right);
    else if (PyObject_TypeCheck(right, &Vec_Type) && PyFloat_Check(left))
        result = scale_vec((VecObject *)right, left);

    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}

static PyObject *
vec_astuple(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *pair = vec_pair((VecObject *)self);
    if (pair == Py_None)
        Py_RETURN_NONE;
    return pair;
}

static PyNumberMethods vec_as_number = {
    .nb_multiply = vec_mul,
};

static PyMethodDef vec_methods[] = {
    {"astuple", vec_astuple, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Vec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "vec.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_number = &vec_as_number,
    .tp_methods = vec_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef vec_module = {
    PyModuleDef_HEAD_INIT, "vec", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_vec(void)
{
    if (PyType_Ready(&Vec_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&vec_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Vec", (PyObject *)&Vec_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
