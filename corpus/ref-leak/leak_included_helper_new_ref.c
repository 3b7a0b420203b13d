/* leak: the new reference returned by a helper defined in an included
 * header of the extension is known from the helper's summary, and leaking
 * it is still found. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "leak_included_helper_new_ref.h"

static PyObject *
items_label_length(PyObject *self, PyObject *arg)
{
    long id = PyLong_AsLong(arg);
    if (id == -1 && PyErr_Occurred())
        return NULL;
    PyObject *label = label_for(id); // expected-warning{{ref-leak}}
    if (label == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GetLength(label);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}
