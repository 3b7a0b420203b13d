/* clean: PyObject_CallFunction and PyObject_CallMethod with formats whose
 * values match, a NULL format, and "s#" with a Py_ssize_t length. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
io_write_prefix(PyObject *self, PyObject *args)
{
    PyObject *stream;
    const char *buf;
    Py_ssize_t len, limit;
    if (!PyArg_ParseTuple(args, "Os#n:write_prefix", &stream, &buf, &len, &limit))
        return NULL;
    if (limit < 0) {
        PyErr_SetString(PyExc_ValueError, "limit must be non-negative");
        return NULL;
    }
    if (limit < len)
        len = limit;
    PyObject *r = PyObject_CallMethod(stream, "write", "s#", buf, len);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    r = PyObject_CallMethod(stream, "flush", NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return PyLong_FromSsize_t(len);
}

static PyObject *
io_apply(PyObject *self, PyObject *args)
{
    PyObject *func, *obj;
    double scale;
    long offset;
    if (!PyArg_ParseTuple(args, "OOdl:apply", &func, &obj, &scale, &offset))
        return NULL;
    return PyObject_CallFunction(func, "Odl", obj, scale, offset);
}

static PyObject *
io_seek(PyObject *self, PyObject *args)
{
    PyObject *stream;
    Py_ssize_t pos;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "On|i:seek", &stream, &pos, &whence))
        return NULL;
    return PyObject_CallMethod(stream, "seek", "ni", pos, whence);
}

static PyObject *
io_call0(PyObject *self, PyObject *func)
{
    return PyObject_CallFunction(func, NULL);
}

static PyMethodDef io_methods[] = {
    {"write_prefix", io_write_prefix, METH_VARARGS, NULL},
    {"apply", io_apply, METH_VARARGS, NULL},
    {"seek", io_seek, METH_VARARGS, NULL},
    {"call0", io_call0, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef io_module = {
    PyModuleDef_HEAD_INIT, "cio", NULL, -1, io_methods
};

PyMODINIT_FUNC
PyInit_cio(void)
{
    return PyModule_Create(&io_module);
}
