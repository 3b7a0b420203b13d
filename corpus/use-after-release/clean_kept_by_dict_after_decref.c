/* clean: once PyDict_SetItem or PyList_Append has succeeded, the container
 * holds its own reference to the value: the function may release its own
 * and go on using the object, borrowed from the container. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
register_slot(PyObject *registry, PyObject *name, long index)
{
    PyObject *slot = PyLong_FromLong(index);
    if (slot == NULL)
        return NULL;
    int rc = PyDict_SetItem(registry, name, slot);
    Py_DECREF(slot);
    if (rc < 0)
        return NULL;
    if (PyDict_GET_SIZE(registry) > 1000) {
        PyErr_SetString(PyExc_OverflowError, "too many slots");
        return NULL;
    }
    return slot;   /* borrowed from the registry */
}

static PyObject *
append_marker(PyObject *log, const char *text)
{
    PyObject *marker = PyUnicode_FromString(text);
    if (marker == NULL)
        return NULL;
    if (PyList_Append(log, marker) < 0) {
        Py_DECREF(marker);
        return NULL;
    }
    Py_DECREF(marker);
    return marker;   /* borrowed from the log */
}

static PyObject *
slots_add(PyObject *self, PyObject *args)
{
    PyObject *registry, *log, *name;
    long index;
    if (!PyArg_ParseTuple(args, "O!O!Ul:add", &PyDict_Type, &registry,
                          &PyList_Type, &log, &name, &index))
        return NULL;
    PyObject *slot = register_slot(registry, name, index);
    if (slot == NULL)
        return NULL;
    if (append_marker(log, "added") == NULL)
        return NULL;
    return PyNumber_Add(slot, slot);
}
