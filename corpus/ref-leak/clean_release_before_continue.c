/* clean: references are released before every 'continue' and every early
 * return, including the non-NULL branch of an 'x == NULL || ...' test. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
seq_total_length(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(seq, i);
        if (item == NULL)
            return NULL;
        if (item == Py_None) {
            Py_DECREF(item);
            continue;
        }
        Py_ssize_t len = PyObject_Length(item);
        Py_DECREF(item);
        if (len < 0)
            return NULL;
        total += len;
    }
    return PyLong_FromSsize_t(total);
}

static PyObject *
config_next_port(PyObject *self, PyObject *cfg)
{
    PyObject *port = PyObject_GetAttrString(cfg, "port");
    if (port == NULL)
        return NULL;
    if (port == Py_None) {
        Py_DECREF(port);
        PyErr_SetString(PyExc_ValueError, "port is not set");
        return NULL;
    }
    long value = PyLong_AsLong(port);
    Py_DECREF(port);
    if (value == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(value + 1);
}

static PyObject *
nonempty_str(PyObject *self, PyObject *obj)
{
    PyObject *s = PyObject_Str(obj);
    if (s == NULL || PyUnicode_GET_LENGTH(s) == 0) {
        if (s != NULL) {
            Py_DECREF(s);
            PyErr_SetString(PyExc_ValueError, "empty string");
        }
        return NULL;
    }
    return s;
}

static PyMethodDef seqtools_methods[] = {
    {"total_length", seq_total_length, METH_O, NULL},
    {"next_port", config_next_port, METH_O, NULL},
    {"nonempty_str", nonempty_str, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef seqtools_module = {
    PyModuleDef_HEAD_INIT, "seqtools", NULL, -1, seqtools_methods
};

PyMODINIT_FUNC
PyInit_seqtools(void)
{
    return PyModule_Create(&seqtools_module);
}
