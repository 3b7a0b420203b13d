/* clean: PyArg_ParseTupleAndKeywords with optional ("|") and keyword-only
 * ("$") units, keyword lists of the right length (a positional-only ""
 * entry counts too), and ":name" / ";message" endings. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
store_open(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "mode", "buffering", "create", NULL};
    const char *path;
    const char *mode = "r";
    Py_ssize_t buffering = -1;
    int create = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|sn$p:open", kwlist,
                                     &path, &mode, &buffering, &create))
        return NULL;
    return PyUnicode_FromFormat("%s:%s:%zd:%d", path, mode, buffering, create);
}

static PyObject *
store_get(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "default", NULL};
    PyObject *key;
    PyObject *dflt = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     "O|O;get() takes a key and an optional default",
                                     kwlist, &key, &dflt))
        return NULL;
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "key must be a str");
        return NULL;
    }
    return Py_NewRef(dflt);
}

static PyObject *
store_resize(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"width", "height", "ratio", NULL};
    int width, height = 0;
    double ratio = 1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|$id", kwlist,
                                     &width, &height, &ratio))
        return NULL;
    return Py_BuildValue("(iid)", width, height, ratio);
}

static PyMethodDef store_methods[] = {
    {"open", (PyCFunction)(void (*)(void))store_open, METH_VARARGS | METH_KEYWORDS, NULL},
    {"get", (PyCFunction)(void (*)(void))store_get, METH_VARARGS | METH_KEYWORDS, NULL},
    {"resize", (PyCFunction)(void (*)(void))store_resize, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef store_module = {
    PyModuleDef_HEAD_INIT, "store", NULL, -1, store_methods
};

PyMODINIT_FUNC
PyInit_store(void)
{
    return PyModule_Create(&store_module);
}
