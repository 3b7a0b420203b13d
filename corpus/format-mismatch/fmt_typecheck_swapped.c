/* format-mismatch: "O!" takes the type object first and then the PyObject**
 * output; here the two are passed in the wrong order. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
names_join(PyObject *self, PyObject *args)
{
    PyObject *sep;
    PyObject *items;
    if (!PyArg_ParseTuple(args, "O!O!:join", &sep, &PyUnicode_Type, // expected-warning{{format-mismatch}}
                          &PyList_Type, &items))
        return NULL;
    return PyUnicode_Join(sep, items);
}

static PyMethodDef names_methods[] = {
    {"join", names_join, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef names_module = {
    PyModuleDef_HEAD_INIT, "names", NULL, -1, names_methods
};

PyMODINIT_FUNC
PyInit_names(void)
{
    return PyModule_Create(&names_module);
}
