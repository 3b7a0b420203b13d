/* clean: new references are returned to the caller (directly, through a
 * ?: expression, or after releasing an intermediate). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
scaled_sum(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *factor;
    if (!PyArg_ParseTuple(args, "OOO", &a, &b, &factor))
        return NULL;
    PyObject *sum = PyNumber_Add(a, b);
    if (sum == NULL)
        return NULL;
    PyObject *prod = PyNumber_Multiply(sum, factor);
    Py_DECREF(sum);
    return prod;
}

static PyObject *
to_text(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int use_repr = 0;
    if (!PyArg_ParseTuple(args, "O|p", &obj, &use_repr))
        return NULL;
    PyObject *text = use_repr ? PyObject_Repr(obj) : PyObject_Str(obj);
    return text;
}

static PyMethodDef calc_methods[] = {
    {"scaled_sum", scaled_sum, METH_VARARGS, NULL},
    {"to_text", to_text, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef calc_module = {
    PyModuleDef_HEAD_INIT, "calc", NULL, -1, calc_methods
};

PyMODINIT_FUNC
PyInit_calc(void)
{
    return PyModule_Create(&calc_module);
}
