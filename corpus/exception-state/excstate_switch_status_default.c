/* exception-state: without a "case -1:", the failure of the call goes to
 * the default, which returns a value as if nothing had gone wrong. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
flags_name(PyObject *self, PyObject *value)
{
    const char *text;
    switch (PyObject_IsTrue(value)) {
    case 1:
        text = "yes";
        break;
    default:
        text = "no";
        break;
    }
    return PyUnicode_FromString(text); // expected-warning{{exception-state}}
}
