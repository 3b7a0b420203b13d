/* gil-violation: the worker thread drops the callback's result with
 * Py_XDECREF after PyGILState_Release() has given the GIL back. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <pthread.h>

static PyObject *tick_callback = NULL;

static void *
ticker_main(void *unused)
{
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *r = NULL;
    if (tick_callback != NULL) {
        r = PyObject_CallNoArgs(tick_callback);
        if (r == NULL)
            PyErr_WriteUnraisable(tick_callback);
    }
    PyGILState_Release(st);
    Py_XDECREF(r); // expected-warning{{gil-violation}}
    return NULL;
}

static PyObject *
ticker_start(PyObject *self, PyObject *callback)
{
    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "callback must be callable");
        return NULL;
    }
    Py_XSETREF(tick_callback, Py_NewRef(callback));
    pthread_t tid;
    int rc = pthread_create(&tid, NULL, ticker_main, NULL);
    if (rc != 0) {
        errno = rc;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    pthread_detach(tid);
    Py_RETURN_NONE;
}

static PyMethodDef ticker_methods[] = {
    {"start", ticker_start, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ticker_module = {
    PyModuleDef_HEAD_INIT, "ticker", NULL, -1, ticker_methods
};

PyMODINIT_FUNC
PyInit_ticker(void)
{
    return PyModule_Create(&ticker_module);
}
