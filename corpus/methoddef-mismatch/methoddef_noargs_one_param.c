/* methoddef-mismatch: METH_NOARGS functions are called with two arguments
 * (self, NULL); the (PyCFunction) cast hides that 'timer_reset' takes one. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static long long timer_ticks;

static PyObject *
timer_reset(PyObject *self)
{
    timer_ticks = 0;
    Py_RETURN_NONE;
}

static PyObject *
timer_tick(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    timer_ticks++;
    return PyLong_FromLongLong(timer_ticks);
}

static PyMethodDef timer_methods[] = {
    {"reset", (PyCFunction)timer_reset, METH_NOARGS, "Reset the counter."}, // expected-warning{{methoddef-mismatch}}
    {"tick", timer_tick, METH_NOARGS, "Advance the counter."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef timer_module = {
    PyModuleDef_HEAD_INIT, "timer", NULL, -1, timer_methods
};

PyMODINIT_FUNC
PyInit_timer(void)
{
    return PyModule_Create(&timer_module);
}
