/* clean: the blocking read() runs between Py_BEGIN_ALLOW_THREADS and
 * Py_END_ALLOW_THREADS; every API call is made before or after the block. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <unistd.h>

static PyObject *
pipeio_read_exact(PyObject *self, PyObject *args)
{
    int fd;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "in", &fd, &size))
        return NULL;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must not be negative");
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL)
        return NULL;
    char *buf = PyBytes_AS_STRING(result);
    Py_ssize_t got = 0;
    ssize_t n = 0;
    int saved_errno = 0;
    Py_BEGIN_ALLOW_THREADS
    while (got < size) {
        n = read(fd, buf + got, (size_t)(size - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            saved_errno = errno;
            break;
        }
        got += n;
    }
    Py_END_ALLOW_THREADS
    if (n < 0) {
        Py_DECREF(result);
        errno = saved_errno;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (got < size) {
        Py_DECREF(result);
        PyErr_Format(PyExc_EOFError, "expected %zd bytes, got %zd", size, got);
        return NULL;
    }
    return result;
}

static PyMethodDef pipeio_methods[] = {
    {"read_exact", pipeio_read_exact, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pipeio_module = {
    PyModuleDef_HEAD_INIT, "pipeio", NULL, -1, pipeio_methods
};

PyMODINIT_FUNC
PyInit_pipeio(void)
{
    return PyModule_Create(&pipeio_module);
}
