/* clean: a progress callback is invoked from inside the allow-threads loop
 * under PyGILState_Ensure()/PyGILState_Release(), which re-take the GIL. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
montecarlo_estimate_pi(PyObject *self, PyObject *args)
{
    unsigned long long samples;
    PyObject *progress;
    if (!PyArg_ParseTuple(args, "KO", &samples, &progress))
        return NULL;
    unsigned long long inside = 0, state = 88172645463325252ULL;
    int failed = 0;
    Py_BEGIN_ALLOW_THREADS
    for (unsigned long long i = 0; i < samples; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double x = (double)(state >> 11) / 9007199254740992.0;
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double y = (double)(state >> 11) / 9007199254740992.0;
        if (x * x + y * y <= 1.0)
            inside++;
        if (progress != Py_None && (i & 0xfffff) == 0xfffff) {
            PyGILState_STATE g = PyGILState_Ensure();
            PyObject *r = PyObject_CallFunction(progress, "K", i + 1);
            if (r == NULL)
                failed = 1;
            else
                Py_DECREF(r);
            PyGILState_Release(g);
            if (failed)
                break;
        }
    }
    Py_END_ALLOW_THREADS
    if (failed)
        return NULL;
    if (samples == 0) {
        PyErr_SetString(PyExc_ValueError, "samples must be positive");
        return NULL;
    }
    return PyFloat_FromDouble(4.0 * (double)inside / (double)samples);
}

static PyMethodDef montecarlo_methods[] = {
    {"estimate_pi", montecarlo_estimate_pi, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef montecarlo_module = {
    PyModuleDef_HEAD_INIT, "montecarlo", NULL, -1, montecarlo_methods
};

PyMODINIT_FUNC
PyInit_montecarlo(void)
{
    return PyModule_Create(&montecarlo_module);
}
