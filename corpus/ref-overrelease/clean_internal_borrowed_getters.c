/* clean: _PyType_Lookup() (from <cpython/object.h>, reached through
 * Python.h) returns a borrowed reference, or NULL without an exception
 * when the type and its bases have no such attribute; _PyUnicode_FromId()
 * returns a borrowed reference to an interned string, or NULL with an
 * exception set.  Their results are used, increfed when handed out, and
 * never released. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
has_class_attr(PyObject *module, PyObject *args)
{
    PyObject *obj, *name;
    (void)module;

    if (!PyArg_ParseTuple(args, "OU:has_class_attr", &obj, &name))
        return NULL;
    PyObject *attr = _PyType_Lookup(Py_TYPE(obj), name);
    return PyBool_FromLong(attr != NULL);
}

static PyObject *
class_attr(PyObject *module, PyObject *args)
{
    PyObject *obj, *name;
    (void)module;

    if (!PyArg_ParseTuple(args, "OU:class_attr", &obj, &name))
        return NULL;
    PyObject *attr = _PyType_Lookup(Py_TYPE(obj), name);
    if (attr == NULL) {
        PyErr_Format(PyExc_AttributeError, "type '%.100s' has no attribute %R",
                     Py_TYPE(obj)->tp_name, name);
        return NULL;
    }
    return Py_NewRef(attr);
}

static PyObject *
defines_length_hint(PyObject *module, PyObject *obj)
{
    _Py_IDENTIFIER(__length_hint__);
    (void)module;

    PyObject *name = _PyUnicode_FromId(&PyId___length_hint__);
    if (name == NULL)
        return NULL;
    PyObject *attr = _PyType_Lookup(Py_TYPE(obj), name);
    if (attr == NULL)
        Py_RETURN_FALSE;
    Py_RETURN_TRUE;
}

static PyMethodDef typeattr_methods[] = {
    {"has_class_attr", has_class_attr, METH_VARARGS, NULL},
    {"class_attr", class_attr, METH_VARARGS, NULL},
    {"defines_length_hint", defines_length_hint, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef typeattr_module = {
    PyModuleDef_HEAD_INIT, "typeattr", NULL, -1, typeattr_methods
};

PyMODINIT_FUNC
PyInit_typeattr(void)
{
    return PyModule_Create(&typeattr_module);
}
