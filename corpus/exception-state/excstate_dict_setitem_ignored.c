/* exception-state: PyDict_SetItemString() fails with -1 (e.g. MemoryError)
 * and its result is dropped; the half-filled dict is returned as success. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
geom_rect_info(PyObject *self, PyObject *args)
{
    double w, h;
    if (!PyArg_ParseTuple(args, "dd", &w, &h))
        return NULL;
    PyObject *info = PyDict_New();
    if (info == NULL)
        return NULL;
    PyObject *area = PyFloat_FromDouble(w * h);
    if (area == NULL) {
        Py_DECREF(info);
        return NULL;
    }
    PyDict_SetItemString(info, "area", area); // expected-warning{{exception-state}}
    Py_DECREF(area);
    PyObject *perimeter = PyFloat_FromDouble(2.0 * (w + h));
    if (perimeter == NULL) {
        Py_DECREF(info);
        return NULL;
    }
    if (PyDict_SetItemString(info, "perimeter", perimeter) < 0) {
        Py_DECREF(perimeter);
        Py_DECREF(info);
        return NULL;
    }
    Py_DECREF(perimeter);
    return info; // expected-warning{{exception-state}}
}

static PyMethodDef geom_methods[] = {
    {"rect_info", geom_rect_info, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef geom_module = {
    PyModuleDef_HEAD_INIT, "geom", NULL, -1, geom_methods
};

PyMODINIT_FUNC
PyInit_geom(void)
{
    return PyModule_Create(&geom_module);
}
