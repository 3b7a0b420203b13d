/* clean: a tp_iternext function returns NULL without setting an exception
 * to say that the iteration is over (StopIteration is implied); that is
 * the slot's protocol, not a missing exception. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long next, stop;
} CountdownObject;

static PyObject *
countdown_next(CountdownObject *self)
{
    if (self->next <= self->stop)
        return NULL;
    return PyLong_FromLong(self->next--);
}

static PyTypeObject CountdownType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "countdowns.Countdown",
    .tp_basicsize = sizeof(CountdownObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)countdown_next,
};

static struct PyModuleDef countdown_module = {
    PyModuleDef_HEAD_INIT, "countdowns", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_countdowns(void)
{
    if (PyType_Ready(&CountdownType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&countdown_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Countdown", (PyObject *)&CountdownType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
