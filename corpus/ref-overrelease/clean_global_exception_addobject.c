/* clean: the module's exception type is kept in a global and also given to
 * PyModule_AddObject (Py_INCREF first, since it steals on success); the
 * failure branch releases the extra reference and clears the global. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *SpamError = NULL;

static PyObject *
spam_check(PyObject *self, PyObject *arg)
{
    int t = PyObject_IsTrue(arg);
    if (t < 0)
        return NULL;
    if (!t) {
        PyErr_SetString(SpamError, "value is false");
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyMethodDef spam_methods[] = {
    {"check", spam_check, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, spam_methods
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    PyObject *m = PyModule_Create(&spam_module);
    if (m == NULL)
        return NULL;
    SpamError = PyErr_NewException("spam.error", NULL, NULL);
    if (SpamError == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(SpamError);
    if (PyModule_AddObject(m, "error", SpamError) < 0) {
        Py_DECREF(SpamError);
        Py_CLEAR(SpamError);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
