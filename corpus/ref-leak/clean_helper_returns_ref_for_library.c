/* clean: a static helper makes an alarm object and returns it with a
 * second reference (Py_INCREF before the return): the one its only
 * caller hands to a C timer library as user data, released by the
 * C callback when the alarm fires.  The helper's summary says it returns
 * two references; the caller owns both, keeps one and hands one on. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct timer timer;
extern timer *timer_schedule(int ms, void (*fire)(void *), void *data);

typedef struct {
    PyObject_HEAD
    long fired;
    timer *t;
} AlarmObject;

static PyTypeObject AlarmType;

/* The alarm, with one reference for the caller and one for the timer. */
static AlarmObject *
alarm_new(void)
{
    AlarmObject *a = PyObject_New(AlarmObject, &AlarmType);
    if (a == NULL)
        return NULL;
    a->fired = 0;
    a->t = NULL;
    Py_INCREF(a);   /* the timer's, dropped by alarm_fire */
    return a;
}

static void
alarm_fire(void *data)
{
    AlarmObject *a = (AlarmObject *)data;
    a->fired++;
    a->t = NULL;
    Py_DECREF(a);
}

static void
Alarm_dealloc(AlarmObject *self)
{
    PyObject_Free(self);
}

static PyTypeObject AlarmType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "alarms.Alarm",
    .tp_basicsize = sizeof(AlarmObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Alarm_dealloc,
};

static PyObject *
alarms_after(PyObject *module, PyObject *args)
{
    int ms;
    (void)module;
    if (!PyArg_ParseTuple(args, "i", &ms))
        return NULL;
    AlarmObject *a = alarm_new();
    if (a != NULL)
        a->t = timer_schedule(ms, alarm_fire, (void *)a);
    return (PyObject *)a;
}

static PyMethodDef alarms_methods[] = {
    {"after", alarms_after, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef alarms_module = {
    PyModuleDef_HEAD_INIT, "alarms", NULL, -1, alarms_methods
};

PyMODINIT_FUNC
PyInit_alarms(void)
{
    if (PyType_Ready(&AlarmType) < 0)
        return NULL;
    return PyModule_Create(&alarms_module);
}
