/* clean: PyEval_SaveThread()/PyEval_RestoreThread() bracket stat() on both
 * paths, and the error is raised only once the GIL is held again. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <sys/stat.h>

static PyObject *
pathinfo_mtime(PyObject *self, PyObject *args)
{
    const char *path;
    if (!PyArg_ParseTuple(args, "s", &path))
        return NULL;
    struct stat st;
    PyThreadState *ts = PyEval_SaveThread();
    int rc = stat(path, &st);
    if (rc < 0) {
        PyEval_RestoreThread(ts);
        return PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
    }
    double mtime = (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9;
    PyEval_RestoreThread(ts);
    return PyFloat_FromDouble(mtime);
}

static PyMethodDef pathinfo_methods[] = {
    {"mtime", pathinfo_mtime, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pathinfo_module = {
    PyModuleDef_HEAD_INIT, "pathinfo", NULL, -1, pathinfo_methods
};

PyMODINIT_FUNC
PyInit_pathinfo(void)
{
    return PyModule_Create(&pathinfo_module);
}
