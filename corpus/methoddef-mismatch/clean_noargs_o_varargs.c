/* clean: METH_NOARGS, METH_O and METH_VARARGS functions with the
 * two-parameter PyCFunction signature, listed without casts. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stack_version(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("1.0");
}

static PyObject *
stack_depth(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *
stack_push(PyObject *self, PyObject *args)
{
    PyObject *list, *item;
    if (!PyArg_ParseTuple(args, "O!O:push", &PyList_Type, &list, &item))
        return NULL;
    if (PyList_Append(list, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef stack_methods[] = {
    {"version", stack_version, METH_NOARGS, "Return the version."},
    {"depth", stack_depth, METH_O, "Return the depth of a stack."},
    {"push", stack_push, METH_VARARGS, "Push an item."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef stack_module = {
    PyModuleDef_HEAD_INIT, "stack", NULL, -1, stack_methods
};

PyMODINIT_FUNC
PyInit_stack(void)
{
    return PyModule_Create(&stack_module);
}
