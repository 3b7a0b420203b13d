/* clean: a static table of per-timer records whose callback member is
 * owned, reached only through one-line helpers: the file never releases
 * timers[i].callback itself, only what get_callback(i) returned, after
 * set_callback(i, ...) overwrote the slot.  The member owns its
 * reference (it is not a back-pointer), the setter takes the callback
 * over, and the replaced callback is the caller's to release. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define N_TIMERS 8

static struct {
    double interval;
    PyObject *callback;     /* owned, or NULL */
} timers[N_TIMERS];

static PyObject *
get_callback(int t)
{
    return timers[t].callback;
}

static void
set_callback(int t, PyObject *cb)
{
    timers[t].callback = cb;
}

/* arm(t, interval, cb): (re)arms timer t. */
static PyObject *
timers_arm(PyObject *module, PyObject *args)
{
    int t;
    double interval;
    PyObject *cb;
    if (!PyArg_ParseTuple(args, "idO:arm", &t, &interval, &cb))
        return NULL;
    if (t < 0 || t >= N_TIMERS) {
        PyErr_SetString(PyExc_IndexError, "no such timer");
        return NULL;
    }
    timers[t].interval = interval;
    PyObject *old = get_callback(t);
    set_callback(t, Py_NewRef(cb));
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

/* disarm(t): returns the callback timer t had, or None. */
static PyObject *
timers_disarm(PyObject *module, PyObject *arg)
{
    int t = (int)PyLong_AsLong(arg);
    if (t == -1 && PyErr_Occurred())
        return NULL;
    if (t < 0 || t >= N_TIMERS) {
        PyErr_SetString(PyExc_IndexError, "no such timer");
        return NULL;
    }
    PyObject *old = get_callback(t);
    set_callback(t, NULL);
    if (old == NULL)
        Py_RETURN_NONE;
    return old;
}

static void
timers_free(void *module)
{
    for (int t = 0; t < N_TIMERS; t++) {
        PyObject *cb = get_callback(t);
        set_callback(t, NULL);
        Py_XDECREF(cb);
    }
}

static PyMethodDef timers_methods[] = {
    {"arm", timers_arm, METH_VARARGS, NULL},
    {"disarm", timers_disarm, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef timers_module = {
    PyModuleDef_HEAD_INIT, "timers", NULL, -1, timers_methods,
    NULL, NULL, NULL, timers_free
};

PyMODINIT_FUNC
PyInit_timers(void)
{
    return PyModule_Create(&timers_module);
}
