/* ref-leak: PyInit_sensors() creates the module and then adds constants
 * and a type to it.  The later failure branches release the module, but
 * the one after PyModule_AddIntConstant() just returns NULL, leaking the
 * half-built module object. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double reading;
} SensorObject;

static PyObject *
Sensor_read(SensorObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyFloat_FromDouble(self->reading);
}

static PyMethodDef Sensor_methods[] = {
    {"read", (PyCFunction)Sensor_read, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Sensor_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sensors.Sensor",
    .tp_basicsize = sizeof(SensorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Sensor_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef sensors_module = {
    PyModuleDef_HEAD_INIT, "sensors", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_sensors(void)
{
    if (PyType_Ready(&Sensor_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&sensors_module); // expected-warning{{ref-leak}}
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "MAX_SENSORS", 64) < 0)
        return NULL;                      /* leaks 'm' */
    if (PyModule_AddStringConstant(m, "UNIT", "celsius") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Sensor", (PyObject *)&Sensor_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
