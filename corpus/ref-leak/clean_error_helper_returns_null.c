/* clean: raise_bad() sets an exception and always returns NULL, so its
 * result is no reference at all: discarding it (raise_bad(3); return -1;),
 * calling it before a goto, or returning it directly leaks nothing. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
raise_bad(int code)
{
    PyErr_Format(PyExc_ValueError, "bad record (code %d)", code);
    return NULL;
}

static int
check_width(long width)
{
    if (width <= 0) {
        raise_bad(3);
        return -1;
    }
    return 0;
}

static PyObject *
record_make(PyObject *self, PyObject *args)
{
    long id, width;
    PyObject *key = NULL, *result = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "ll", &id, &width))
        return NULL;
    if (check_width(width) < 0)
        return NULL;
    key = PyLong_FromLong(id);
    if (key == NULL)
        goto fail;
    if (id < 0) {
        raise_bad(1);
        goto fail;
    }
    result = Py_BuildValue("(Ol)", key, width);
    if (result == NULL)
        goto fail;
    Py_DECREF(key);
    return result;
fail:
    Py_XDECREF(key);
    return NULL;
}

static PyObject *
record_check(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!PyLong_Check(arg))
        return raise_bad(2);
    return Py_NewRef(arg);
}

static PyMethodDef record_methods[] = {
    {"make", record_make, METH_VARARGS, NULL},
    {"check", record_check, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef record_module = {
    PyModuleDef_HEAD_INIT, "record", NULL, -1, record_methods
};

PyMODINIT_FUNC
PyInit_record(void)
{
    return PyModule_Create(&record_module);
}
