/* clean: new_vec() allocates the object itself (PyObject_Malloc) and sets
 * it up with PyObject_Init(), which fails (MemoryError) only when given a
 * NULL pointer, so checking it against NULL is enough.  The result is a
 * new reference: vec_from_pair() may release it once on its error path.
 * Vec_Type is a static non-GC type whose tp_free is PyObject_Free,
 * matching the allocator. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} VecObject;

static PyTypeObject Vec_Type;

static PyObject *
new_vec(double x, double y)
{
    VecObject *v = (VecObject *)PyObject_Malloc(sizeof(VecObject));
    if (v == NULL)
        return PyErr_NoMemory();
    if (PyObject_Init((PyObject *)v, &Vec_Type) == NULL)
        return NULL;
    v->x = x;
    v->y = y;
    return (PyObject *)v;
}

static void
Vec_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
Vec_repr(VecObject *self)
{
    PyObject *xs = PyFloat_FromDouble(self->x);
    if (xs == NULL)
        return NULL;
    PyObject *ys = PyFloat_FromDouble(self->y);
    if (ys == NULL) {
        Py_DECREF(xs);
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("Vec(%R, %R)", xs, ys);
    Py_DECREF(xs);
    Py_DECREF(ys);
    return r;
}

static PyTypeObject Vec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "vecs.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = Vec_dealloc,
    .tp_repr = (reprfunc)Vec_repr,
    .tp_free = PyObject_Free,
};

static PyObject *
vec_make(PyObject *self, PyObject *args)
{
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y))
        return NULL;
    return new_vec(x, y);
}

static PyObject *
vec_from_pair(PyObject *self, PyObject *pair)
{
    PyObject *v = new_vec(0.0, 0.0);
    if (v == NULL)
        return NULL;
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_TypeError, "expected a pair of numbers");
        return NULL;
    }
    double x = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 0));
    if (x == -1.0 && PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    double y = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1));
    if (y == -1.0 && PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    ((VecObject *)v)->x = x;
    ((VecObject *)v)->y = y;
    return v;
}

static PyMethodDef vecs_methods[] = {
    {"make", vec_make, METH_VARARGS, NULL},
    {"from_pair", vec_from_pair, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef vecs_module = {
    PyModuleDef_HEAD_INIT, "vecs", NULL, -1, vecs_methods
};

PyMODINIT_FUNC
PyInit_vecs(void)
{
    if (PyType_Ready(&Vec_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&vecs_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Vec", (PyObject *)&Vec_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
