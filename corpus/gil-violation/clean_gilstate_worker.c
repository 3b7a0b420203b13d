/* clean: a worker thread takes the GIL with PyGILState_Ensure() around the
 * callback and releases its result before PyGILState_Release(). */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

static PyObject *done_callback = NULL;

static void *
delayed_main(void *arg)
{
    unsigned int delay_ms = (unsigned int)(size_t)arg;
    usleep(delay_ms * 1000u);
    PyGILState_STATE st = PyGILState_Ensure();
    if (done_callback != NULL) {
        PyObject *r = PyObject_CallNoArgs(done_callback);
        if (r == NULL)
            PyErr_WriteUnraisable(done_callback);
        else
            Py_DECREF(r);
    }
    PyGILState_Release(st);
    return NULL;
}

static PyObject *
delayed_call_later(PyObject *self, PyObject *args)
{
    unsigned int delay_ms;
    PyObject *callback;
    if (!PyArg_ParseTuple(args, "IO", &delay_ms, &callback))
        return NULL;
    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "callback must be callable");
        return NULL;
    }
    Py_XSETREF(done_callback, Py_NewRef(callback));
    pthread_t tid;
    int rc = pthread_create(&tid, NULL, delayed_main, (void *)(size_t)delay_ms);
    if (rc != 0) {
        errno = rc;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    pthread_detach(tid);
    Py_RETURN_NONE;
}

static PyMethodDef delayed_methods[] = {
    {"call_later", delayed_call_later, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef delayed_module = {
    PyModuleDef_HEAD_INIT, "delayed", NULL, -1, delayed_methods
};

PyMODINIT_FUNC
PyInit_delayed(void)
{
    return PyModule_Create(&delayed_module);
}
