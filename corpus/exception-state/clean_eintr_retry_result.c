/* clean: a system call retried while it reports EINTR and no signal
 * handler raised.  When PyErr_CheckSignals() fails, the loop ends with the
 * result still EINTR, so the success test (result == 0) cannot hold and
 * the function returns NULL with the handler's exception. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <fcntl.h>

static PyObject *
reserve(PyObject *module, PyObject *args)
{
    int fd;
    long long length;
    int result, async_err = 0;
    (void)module;
    if (!PyArg_ParseTuple(args, "iL", &fd, &length))
        return NULL;
    do {
        Py_BEGIN_ALLOW_THREADS
        result = posix_fallocate(fd, 0, (off_t)length);
        Py_END_ALLOW_THREADS
    } while (result == EINTR && !(async_err = PyErr_CheckSignals()));
    if (result == 0)
        Py_RETURN_NONE;
    if (async_err)
        return NULL;
    errno = result;
    return PyErr_SetFromErrno(PyExc_OSError);
}

static PyMethodDef reserve_methods[] = {
    {"reserve", reserve, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef reserve_module = {
    PyModuleDef_HEAD_INIT, "reserve", NULL, -1, reserve_methods
};

PyMODINIT_FUNC
PyInit_reserve(void)
{
    return PyModule_Create(&reserve_module);
}
