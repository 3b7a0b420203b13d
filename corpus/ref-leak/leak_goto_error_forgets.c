/* ref-leak: goto-error idiom whose shared error block releases 'py_name'
 * and 'rec' but forgets 'py_age'. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
build_record(PyObject *self, PyObject *args)
{
    const char *name;
    long age;
    PyObject *py_name = NULL, *py_age = NULL, *rec = NULL;
    if (!PyArg_ParseTuple(args, "sl", &name, &age))
        return NULL;
    py_name = PyUnicode_FromString(name);
    if (py_name == NULL)
        goto error;
    py_age = PyLong_FromLong(age); // expected-warning{{ref-leak}}
    if (py_age == NULL)
        goto error;
    rec = PyDict_New();
    if (rec == NULL)
        goto error;
    if (PyDict_SetItemString(rec, "name", py_name) < 0)
        goto error;
    if (PyDict_SetItemString(rec, "age", py_age) < 0)
        goto error;
    Py_DECREF(py_name);
    Py_DECREF(py_age);
    return rec;
error:
    Py_XDECREF(py_name);
    Py_XDECREF(rec);                      /* 'py_age' is missing here */
    return NULL;
}

static PyMethodDef records_methods[] = {
    {"build", build_record, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef records_module = {
    PyModuleDef_HEAD_INIT, "records", NULL, -1, records_methods
};

PyMODINIT_FUNC
PyInit_records(void)
{
    return PyModule_Create(&records_module);
}
