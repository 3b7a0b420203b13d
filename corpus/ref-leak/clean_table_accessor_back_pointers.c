/* clean: a static table remembers, per slot, which session last used it:
 * a plain pointer (the session object keeps itself alive elsewhere), set
 * and read through one-line helpers and never released by the file.
 * Overwriting a slot hands nothing to the caller, so the pointer read
 * before is not leaked, and the session stored is not taken over. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define N_SLOTS 4

static struct {
    long uses;
    PyObject *last_user;    /* not owned: a back-pointer */
} slots[N_SLOTS];

static PyObject *
get_last_user(int s)
{
    return slots[s].last_user;
}

static void
set_last_user(int s, PyObject *session)
{
    slots[s].last_user = session;
}

/* use(s, session): records the user, says whether it changed. */
static PyObject *
slots_use(PyObject *module, PyObject *args)
{
    int s;
    PyObject *session;
    if (!PyArg_ParseTuple(args, "iO:use", &s, &session))
        return NULL;
    if (s < 0 || s >= N_SLOTS) {
        PyErr_SetString(PyExc_IndexError, "no such slot");
        return NULL;
    }
    PyObject *prev = get_last_user(s);
    set_last_user(s, session);
    slots[s].uses++;
    return PyBool_FromLong(prev != session);
}

static PyMethodDef slots_methods[] = {
    {"use", slots_use, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef slots_module = {
    PyModuleDef_HEAD_INIT, "slots", NULL, -1, slots_methods
};

PyMODINIT_FUNC
PyInit_slots(void)
{
    return PyModule_Create(&slots_module);
}
