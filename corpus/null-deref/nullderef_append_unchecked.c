/* null-deref: an unchecked PyLong_FromSsize_t() result goes to PyList_Append()
 * (which checks for NULL: it fails in turn, no crash) and then to
 * Py_DECREF(NULL), which crashes. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
indices(PyObject *self, PyObject *args)
{
    Py_ssize_t n, step = 1;
    (void)self;
    if (!PyArg_ParseTuple(args, "n|n", &n, &step))
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i += step) {
        PyObject *item = PyLong_FromSsize_t(i);
        int rc = PyList_Append(result, item);
        Py_DECREF(item);                      // expected-warning{{null-deref}}
        if (rc < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyMethodDef ranges_methods[] = {
    {"indices", indices, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ranges_module = {
    PyModuleDef_HEAD_INIT, "ranges", NULL, -1, ranges_methods
};

PyMODINIT_FUNC
PyInit_ranges(void)
{
    return PyModule_Create(&ranges_module);
}
