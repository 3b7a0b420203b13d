/* clean: scratch memory is taken with PyMem_RawMalloc()/PyMem_RawFree(),
 * which may be called without the GIL, inside the allow-threads block. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
hist_byte_histogram(PyObject *self, PyObject *args)
{
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "y*", &data))
        return NULL;
    Py_ssize_t *counts = NULL;
    Py_BEGIN_ALLOW_THREADS
    counts = PyMem_RawCalloc(256, sizeof *counts);
    if (counts != NULL) {
        const unsigned char *p = data.buf;
        for (Py_ssize_t i = 0; i < data.len; i++)
            counts[p[i]]++;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    if (counts == NULL)
        return PyErr_NoMemory();
    PyObject *result = PyList_New(256);
    if (result == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < 256; i++) {
        PyObject *v = PyLong_FromSsize_t(counts[i]);
        if (v == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, v);
    }
done:
    PyMem_RawFree(counts);
    return result;
}

static PyMethodDef hist_methods[] = {
    {"byte_histogram", hist_byte_histogram, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef hist_module = {
    PyModuleDef_HEAD_INIT, "hist", NULL, -1, hist_methods
};

PyMODINIT_FUNC
PyInit_hist(void)
{
    return PyModule_Create(&hist_module);
}
