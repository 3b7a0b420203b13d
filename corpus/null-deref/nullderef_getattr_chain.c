/* null-deref: the intermediate attribute 'os.path' is looked up on without
 * checking that the first PyObject_GetAttrString() succeeded. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
join_path(PyObject *self, PyObject *args)
{
    PyObject *head, *tail;
    PyObject *os = NULL, *os_path = NULL, *join = NULL, *result = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "UU", &head, &tail))
        return NULL;
    os = PyImport_ImportModule("os");
    if (os == NULL)
        goto done;
    os_path = PyObject_GetAttrString(os, "path");
    join = PyObject_GetAttrString(os_path, "join"); // expected-warning{{null-deref}}
    if (join == NULL)
        goto done;
    result = PyObject_CallFunctionObjArgs(join, head, tail, NULL);
done:
    Py_XDECREF(join);
    Py_XDECREF(os_path);
    Py_XDECREF(os);
    return result;
}

static PyMethodDef paths_methods[] = {
    {"join_path", join_path, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef paths_module = {
    PyModuleDef_HEAD_INIT, "paths", NULL, -1, paths_methods
};

PyMODINIT_FUNC
PyInit_paths(void)
{
    return PyModule_Create(&paths_module);
}
