/* gil-violation: when open() fails the exception is raised before
 * PyEval_RestoreThread() has taken the GIL back. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static PyObject *
fsinfo_file_size(PyObject *self, PyObject *args)
{
    const char *path;
    if (!PyArg_ParseTuple(args, "s", &path))
        return NULL;
    struct stat st;
    PyThreadState *ts = PyEval_SaveThread();
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path); // expected-warning{{gil-violation}}
        PyEval_RestoreThread(ts);
        return NULL;
    }
    int rc = fstat(fd, &st);
    close(fd);
    PyEval_RestoreThread(ts);
    if (rc < 0)
        return PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
    return PyLong_FromLongLong((long long)st.st_size);
}

static PyMethodDef fsinfo_methods[] = {
    {"file_size", fsinfo_file_size, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fsinfo_module = {
    PyModuleDef_HEAD_INIT, "fsinfo", NULL, -1, fsinfo_methods
};

PyMODINIT_FUNC
PyInit_fsinfo(void)
{
    return PyModule_Create(&fsinfo_module);
}
