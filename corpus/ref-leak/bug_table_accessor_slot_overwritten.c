/* ref-leak: set_handler(sig, h) puts h into a static table's slot without
 * releasing what the slot held.  The function read the old handler from
 * that slot first, so the table's reference to it is now the function's;
 * it never releases it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define N_SIGS 16

static PyObject *handlers[N_SIGS];     /* owned, or NULL */

static PyObject *
get_handler(int sig)
{
    return handlers[sig];
}

static void
set_handler(int sig, PyObject *h)
{
    handlers[sig] = h;
}

/* install(sig, h): says whether a handler was there before. */
static PyObject *
sigs_install(PyObject *module, PyObject *args)
{
    int sig;
    PyObject *h;
    if (!PyArg_ParseTuple(args, "iO:install", &sig, &h))
        return NULL;
    if (sig <= 0 || sig >= N_SIGS) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    PyObject *old = get_handler(sig);
    set_handler(sig, Py_NewRef(h)); // expected-warning{{ref-leak}}
    return PyBool_FromLong(old != NULL);
}

static PyMethodDef sigs_methods[] = {
    {"install", sigs_install, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef sigs_module = {
    PyModuleDef_HEAD_INIT, "sigs", NULL, -1, sigs_methods
};

PyMODINIT_FUNC
PyInit_sigs(void)
{
    return PyModule_Create(&sigs_module);
}
