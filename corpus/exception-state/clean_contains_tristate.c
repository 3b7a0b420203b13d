/* clean: PySequence_Contains() and PyObject_RichCompareBool() return -1 on
 * error, 0 or 1 otherwise; the error is handled before the truth value is used. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
members_count_in(PyObject *self, PyObject *args)
{
    PyObject *needles, *haystack, *ignore;
    if (!PyArg_ParseTuple(args, "OOO", &needles, &haystack, &ignore))
        return NULL;
    PyObject *it = PyObject_GetIter(needles);
    if (it == NULL)
        return NULL;
    Py_ssize_t found = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int skip = PyObject_RichCompareBool(item, ignore, Py_EQ);
        if (skip < 0) {
            Py_DECREF(item);
            goto error;
        }
        if (skip) {
            Py_DECREF(item);
            continue;
        }
        int present = PySequence_Contains(haystack, item);
        Py_DECREF(item);
        if (present < 0)
            goto error;
        if (present)
            found++;
    }
    if (PyErr_Occurred())
        goto error;
    Py_DECREF(it);
    return PyLong_FromSsize_t(found);

error:
    Py_DECREF(it);
    return NULL;
}

static PyMethodDef members_methods[] = {
    {"count_in", members_count_in, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef members_module = {
    PyModuleDef_HEAD_INIT, "members", NULL, -1, members_methods
};

PyMODINIT_FUNC
PyInit_members(void)
{
    return PyModule_Create(&members_module);
}
