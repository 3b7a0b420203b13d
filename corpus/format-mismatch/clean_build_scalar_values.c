/* clean: Py_BuildValue with one value of the right C type per unit,
 * including promoted narrow types ("b", "h", "c", "f"), unsigned units and
 * "s#" with a Py_ssize_t; separators (',' ':' ' ') take no value. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
rec_row(PyObject *self, PyObject *args)
{
    const char *key;
    Py_ssize_t keylen;
    unsigned int flags;
    unsigned long id;
    long long stamp;
    unsigned long long cookie;
    if (!PyArg_ParseTuple(args, "s#IkLK:row", &key, &keylen, &flags, &id,
                          &stamp, &cookie))
        return NULL;
    signed char tiny = -1;
    short small = 300;
    char tag = 'r';
    float ratio = 0.5f;
    return Py_BuildValue("(s#, I, k, L, K, b, h, c, f, n)",
                         key, keylen, flags, id, stamp, cookie,
                         tiny, small, tag, ratio, keylen);
}

static PyObject *
rec_header(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    const char *names[3] = {"key", "flags", "id"};
    return Py_BuildValue("[sss]", names[0], names[1], names[2]);
}

static PyMethodDef rec_methods[] = {
    {"row", rec_row, METH_VARARGS, NULL},
    {"header", rec_header, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef rec_module = {
    PyModuleDef_HEAD_INIT, "rec", NULL, -1, rec_methods
};

PyMODINIT_FUNC
PyInit_rec(void)
{
    return PyModule_Create(&rec_module);
}
