/* gil-violation: the length of the input sequence is asked for with
 * PyObject_Length() after Py_BEGIN_ALLOW_THREADS has released the GIL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <unistd.h>

static PyObject *
pace_wait_per_item(PyObject *self, PyObject *args)
{
    PyObject *items;
    unsigned int delay_us;
    if (!PyArg_ParseTuple(args, "OI", &items, &delay_us))
        return NULL;
    Py_ssize_t n;
    Py_BEGIN_ALLOW_THREADS
    n = PyObject_Length(items); // expected-warning{{gil-violation}}
    for (Py_ssize_t i = 0; i < n; i++)
        usleep(delay_us);
    Py_END_ALLOW_THREADS
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef pace_methods[] = {
    {"wait_per_item", pace_wait_per_item, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef pace_module = {
    PyModuleDef_HEAD_INIT, "pace", NULL, -1, pace_methods
};

PyMODINIT_FUNC
PyInit_pace(void)
{
    return PyModule_Create(&pace_module);
}
