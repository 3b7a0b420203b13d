/* ref-overrelease: the 'extras' member holds its own reference to None,
 * which the first Py_DECREF(Py_None) drops; the second one releases a
 * reference to None that nobody gave this function. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *extras;
} RecordObject;

static PyObject *
Record_set_extra(RecordObject *self, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "UO", &key, &value))
        return NULL;
    if (self->extras == Py_None) {
        Py_DECREF(Py_None);
        Py_DECREF(Py_None); // expected-warning{{ref-overrelease}}
        self->extras = PyDict_New();
        if (self->extras == NULL)
            return NULL;
    }
    if (PyDict_SetItem(self->extras, key, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef Record_methods[] = {
    {"set_extra", (PyCFunction)Record_set_extra, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject RecordType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "records.Record",
    .tp_basicsize = sizeof(RecordObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Record_methods,
};

static struct PyModuleDef records_module = {
    PyModuleDef_HEAD_INIT, "records", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_records(void)
{
    if (PyType_Ready(&RecordType) < 0)
        return NULL;
    return PyModule_Create(&records_module);
}
