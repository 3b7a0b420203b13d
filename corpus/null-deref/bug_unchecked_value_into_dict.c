/* null-deref: the result of PyUnicode_FromString() is not checked.  When
 * it fails (MemoryError, or a name that is not valid UTF-8) 'v' is NULL,
 * and PyDict_SetItemString() does not accept a NULL value: it takes a
 * reference to it and crashes (reported once, at the first use; the
 * Py_DECREF(v) after it would crash as well). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
user_record(PyObject *self, PyObject *args)
{
    const char *s;
    int uid;
    if (!PyArg_ParseTuple(args, "yi", &s, &uid))
        return NULL;
    PyObject *d = Py_BuildValue("{s:i}", "uid", uid);
    if (d == NULL)
        return NULL;
    PyObject *v = PyUnicode_FromString(s);
    int rc = PyDict_SetItemString(d, "name", v); // expected-warning{{null-deref}}
    Py_DECREF(v);
    if (rc < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef users_methods[] = {
    {"record", user_record, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef users_module = {
    PyModuleDef_HEAD_INIT, "users", NULL, -1, users_methods
};

PyMODINIT_FUNC
PyInit_users(void)
{
    return PyModule_Create(&users_module);
}
