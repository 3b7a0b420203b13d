/* gil-violation: a failed read() raises OSError from inside the
 * allow-threads block, on the error branch only, without Py_BLOCK_THREADS. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <unistd.h>

static PyObject *
rawfd_read(PyObject *self, PyObject *args)
{
    int fd;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "in", &fd, &size))
        return NULL;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must not be negative");
        return NULL;
    }
    char *buf = PyMem_Malloc(size ? (size_t)size : 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    ssize_t n;
    Py_BEGIN_ALLOW_THREADS
    n = read(fd, buf, (size_t)size);
    if (n < 0)
        PyErr_SetFromErrno(PyExc_OSError); // expected-warning{{gil-violation}}
    Py_END_ALLOW_THREADS
    if (n < 0) {
        PyMem_Free(buf);
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(buf, (Py_ssize_t)n);
    PyMem_Free(buf);
    return result;
}

static PyMethodDef rawfd_methods[] = {
    {"read", rawfd_read, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef rawfd_module = {
    PyModuleDef_HEAD_INIT, "rawfd", NULL, -1, rawfd_methods
};

PyMODINIT_FUNC
PyInit_rawfd(void)
{
    return PyModule_Create(&rawfd_module);
}
