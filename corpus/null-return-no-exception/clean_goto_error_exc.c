/* clean: every jump to the shared error block has an exception set, the
 * size check included (it raises ValueError first). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define MAX_FIELDS 16

static PyObject *
parse_fields(PyObject *self, PyObject *args)
{
    PyObject *line, *parts = NULL, *result = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "U", &line))
        return NULL;
    parts = PyUnicode_Split(line, NULL, -1);
    if (parts == NULL)
        goto error;
    if (PyList_GET_SIZE(parts) > MAX_FIELDS) {
        PyErr_Format(PyExc_ValueError, "at most %d fields allowed", MAX_FIELDS);
        goto error;
    }
    result = PyList_AsTuple(parts);
    if (result == NULL)
        goto error;
    Py_DECREF(parts);
    return result;
error:
    Py_XDECREF(parts);
    return NULL;
}

static PyMethodDef fields_methods[] = {
    {"parse_fields", parse_fields, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef fields_module = {
    PyModuleDef_HEAD_INIT, "fieldsplit", NULL, -1, fields_methods
};

PyMODINIT_FUNC
PyInit_fieldsplit(void)
{
    return PyModule_Create(&fields_module);
}
