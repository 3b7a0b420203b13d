/* clean: inside the allow-threads block an error is raised only after
 * Py_BLOCK_THREADS has taken the GIL back, and the function returns from there. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <unistd.h>

static PyObject *
sink_write_all(PyObject *self, PyObject *args)
{
    int fd;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "iy*", &fd, &data))
        return NULL;
    const char *p = data.buf;
    Py_ssize_t left = data.len;
    Py_BEGIN_ALLOW_THREADS
    while (left > 0) {
        ssize_t n = write(fd, p, (size_t)left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            Py_BLOCK_THREADS
            PyErr_SetFromErrno(PyExc_OSError);
            PyBuffer_Release(&data);
            return NULL;
        }
        p += n;
        left -= n;
    }
    Py_END_ALLOW_THREADS
    Py_ssize_t written = data.len;
    PyBuffer_Release(&data);
    return PyLong_FromSsize_t(written);
}

static PyMethodDef sink_methods[] = {
    {"write_all", sink_write_all, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef sink_module = {
    PyModuleDef_HEAD_INIT, "sink", NULL, -1, sink_methods
};

PyMODINIT_FUNC
PyInit_sink(void)
{
    return PyModule_Create(&sink_module);
}
