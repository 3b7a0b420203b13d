/* null-deref: PyObject_GetBuffer() hands its view to the exporter's
 * bf_getbuffer, and some exporters (memoryview) write through it without a
 * check.  Asking for a buffer into a NULL view crashes for those types, even
 * though bytes and bytearray answer with BufferError. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
probe_exporter(PyObject *self, PyObject *exporter)
{
    (void)self;
    if (PyObject_GetBuffer(exporter, NULL, PyBUF_SIMPLE) < 0) // expected-warning{{null-deref}}
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef probe_methods[] = {
    {"probe_exporter", probe_exporter, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef probe_module = {
    PyModuleDef_HEAD_INIT, "probe", NULL, -1, probe_methods
};

PyMODINIT_FUNC
PyInit_probe(void)
{
    return PyModule_Create(&probe_module);
}
