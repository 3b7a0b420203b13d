/* clean: a switch over a call's tri-state result sends its failure (-1)
 * to "case -1:" only: not to "case 1:", nor to the default. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
flags_describe(PyObject *self, PyObject *value)
{
    const char *text;
    switch (PyObject_IsTrue(value)) {
    case -1:
        return NULL;
    case 1:
        text = "on";
        break;
    default:
        text = "off";
        break;
    }
    return PyUnicode_FromString(text);
}

static PyObject *
flags_kind(PyObject *self, PyObject *args)
{
    switch (PyTuple_Size(args)) {
    case -1:
        return NULL;
    case 0:
        return PyUnicode_FromString("none");
    default:
        return PyUnicode_FromString("some");
    }
}
