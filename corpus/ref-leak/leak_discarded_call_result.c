/* ref-leak: the result of PyObject_CallMethod (a new reference) is
 * discarded without being released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stream_rewind(PyObject *self, PyObject *stream)
{
    PyObject_CallMethod(stream, "flush", NULL); // expected-warning{{ref-leak}}
    PyObject *r = PyObject_CallMethod(stream, "seek", "i", 0);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE; // expected-warning{{exception-state}}
}

static PyMethodDef streams_methods[] = {
    {"rewind", stream_rewind, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef streams_module = {
    PyModuleDef_HEAD_INIT, "streams", NULL, -1, streams_methods
};

PyMODINIT_FUNC
PyInit_streams(void)
{
    return PyModule_Create(&streams_module);
}
