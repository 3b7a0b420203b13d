/* methoddef-mismatch: the PyGetSetDef table of Temperature has no {NULL}
 * sentinel, so PyType_Ready walks past its end. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double kelvin;
} TempObject;

static PyObject *
Temp_get_celsius(TempObject *self, void *closure)
{
    return PyFloat_FromDouble(self->kelvin - 273.15);
}

static int
Temp_set_celsius(TempObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete celsius");
        return -1;
    }
    double c = PyFloat_AsDouble(value);
    if (c == -1.0 && PyErr_Occurred())
        return -1;
    self->kelvin = c + 273.15;
    return 0;
}

static PyObject *
Temp_get_kelvin(TempObject *self, void *closure)
{
    return PyFloat_FromDouble(self->kelvin);
}

static PyGetSetDef Temp_getset[] = { // expected-warning{{methoddef-mismatch}}
    {"celsius", (getter)Temp_get_celsius, (setter)Temp_set_celsius, "degrees Celsius", NULL},
    {"kelvin", (getter)Temp_get_kelvin, NULL, "kelvin", NULL},
};

static PyTypeObject Temp_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "temp.Temperature",
    .tp_basicsize = sizeof(TempObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = Temp_getset,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef temp_module = {
    PyModuleDef_HEAD_INIT, "temp", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_temp(void)
{
    if (PyType_Ready(&Temp_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&temp_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Temperature", (PyObject *)&Temp_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
