/* clean: each NULL is returned right after an API call that failed with
 * an exception: attribute lookup, call, -1 from PyObject_Size() and
 * PyObject_IsTrue(). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
flush_if_dirty(PyObject *self, PyObject *stream)
{
    PyObject *dirty, *buffer, *res;
    Py_ssize_t pending;
    int is_dirty;
    (void)self;
    dirty = PyObject_GetAttrString(stream, "dirty");
    if (dirty == NULL)
        return NULL;
    is_dirty = PyObject_IsTrue(dirty);
    Py_DECREF(dirty);
    if (is_dirty < 0)
        return NULL;
    if (!is_dirty)
        return PyLong_FromLong(0);
    buffer = PyObject_GetAttrString(stream, "buffer");
    if (buffer == NULL)
        return NULL;
    pending = PyObject_Size(buffer);
    Py_DECREF(buffer);
    if (pending < 0)
        return NULL;
    res = PyObject_CallMethod(stream, "flush", NULL);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    return PyLong_FromSsize_t(pending);
}

static PyMethodDef streams_methods[] = {
    {"flush_if_dirty", flush_if_dirty, METH_O, NULL},
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
