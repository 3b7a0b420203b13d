/* clean: a fresh reference is stored into a global cache and then still
 * used and returned with Py_NewRef: the global keeps it alive. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *last_key = NULL;   /* owned, may be NULL */

static PyObject *
remember(PyObject *self, PyObject *obj)
{
    PyObject *key = PyObject_Str(obj);
    if (key == NULL)
        return NULL;
    PyObject *old = last_key;
    last_key = key;                 /* the global now owns 'key' */
    PyObject *res = NULL;
    if (PyUnicode_GET_LENGTH(key) == 0)
        PyErr_SetString(PyExc_ValueError, "empty key");
    else
        res = Py_NewRef(key);
    Py_XDECREF(old);                /* may run arbitrary code: done last */
    return res;
}

static PyObject *
recall(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (last_key == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(last_key);
}

static PyObject *
forget(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *old = last_key;
    last_key = NULL;
    if (old == NULL)
        Py_RETURN_FALSE;
    Py_DECREF(old);
    Py_RETURN_TRUE;
}

static PyMethodDef memo_methods[] = {
    {"remember", remember, METH_O, NULL},
    {"recall", recall, METH_NOARGS, NULL},
    {"forget", forget, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef memo_module = {
    PyModuleDef_HEAD_INIT, "lastkey", NULL, -1, memo_methods
};

PyMODINIT_FUNC
PyInit_lastkey(void)
{
    return PyModule_Create(&memo_module);
}
