/* exception-state: PyObject_SetAttrString() can fail (read-only attribute,
 * __slots__) and its -1 result is ignored before returning None. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stamp_touch(PyObject *self, PyObject *args)
{
    PyObject *target;
    double when;
    if (!PyArg_ParseTuple(args, "Od", &target, &when))
        return NULL;
    PyObject *value = PyFloat_FromDouble(when);
    if (value == NULL)
        return NULL;
    PyObject_SetAttrString(target, "last_modified", value); // expected-warning{{exception-state}}
    Py_DECREF(value);
    Py_RETURN_NONE; // expected-warning{{exception-state}}
}

static PyMethodDef stamp_methods[] = {
    {"touch", stamp_touch, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef stamp_module = {
    PyModuleDef_HEAD_INIT, "stamp", NULL, -1, stamp_methods
};

PyMODINIT_FUNC
PyInit_stamp(void)
{
    return PyModule_Create(&stamp_module);
}
