/* clean: a module keeps one callback per event kind in a static table and
 * reaches it only through two one-line helpers: get_hook(k) hands out the
 * table's reference borrowed, set_hook(k, cb) puts cb in the slot without
 * releasing what it held.  A caller that reads the old callback, overwrites
 * its slot, then releases it (or returns it) gives back exactly the
 * reference the table dropped.  The second table holds its objects as
 * addresses in C11 atomics, read and written with atomic_load /
 * atomic_store, as CPython's signal handlers are. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdatomic.h>
#include <stdint.h>

#define N_EVENTS 4

static PyObject *hooks[N_EVENTS];             /* owned, or NULL */

static atomic_uintptr_t watchers[N_EVENTS];   /* owned objects, or 0 */

static PyObject *
get_hook(int kind)
{
    return hooks[kind];
}

static void
set_hook(int kind, PyObject *callback)
{
    hooks[kind] = callback;
}

static PyObject *
get_watcher(int kind)
{
    return (PyObject *)atomic_load(&watchers[kind]);
}

static void
set_watcher(int kind, PyObject *obj)
{
    atomic_store(&watchers[kind], (uintptr_t)obj);
}

static int
event_kind(PyObject *arg)
{
    long k = PyLong_AsLong(arg);
    if (k == -1 && PyErr_Occurred())
        return -1;
    if (k < 0 || k >= N_EVENTS) {
        PyErr_SetString(PyExc_ValueError, "no such event");
        return -1;
    }
    return (int)k;
}

/* on(kind, callback): install a callback, drop the one it replaces. */
static PyObject *
hooks_on(PyObject *module, PyObject *args)
{
    PyObject *kind_obj, *callback;
    if (!PyArg_ParseTuple(args, "OO:on", &kind_obj, &callback))
        return NULL;
    int kind = event_kind(kind_obj);
    if (kind < 0)
        return NULL;
    PyObject *old = get_hook(kind);
    set_hook(kind, Py_NewRef(callback));
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

/* swap(kind, obj): install a watcher and hand the previous one back. */
static PyObject *
hooks_swap(PyObject *module, PyObject *args)
{
    PyObject *kind_obj, *obj;
    if (!PyArg_ParseTuple(args, "OO:swap", &kind_obj, &obj))
        return NULL;
    int kind = event_kind(kind_obj);
    if (kind < 0)
        return NULL;
    PyObject *old = get_watcher(kind);
    set_watcher(kind, Py_NewRef(obj));
    if (old == NULL)
        Py_RETURN_NONE;
    return old;
}

/* reset(): the default callback for event 0 replaces a callable one. */
static PyObject *
hooks_reset(PyObject *module, PyObject *unused)
{
    PyObject *first = get_hook(0);
    if (first != NULL && PyCallable_Check(first)) {
        PyObject *deflt = PyObject_GetAttrString(module, "default_hook");
        if (deflt == NULL)
            return NULL;
        set_hook(0, deflt);
        Py_DECREF(first);
    }
    Py_RETURN_NONE;
}

static void
hooks_free(void *module)
{
    for (int k = 0; k < N_EVENTS; k++) {
        PyObject *cb = get_hook(k);
        set_hook(k, NULL);
        Py_XDECREF(cb);
        PyObject *w = get_watcher(k);
        set_watcher(k, NULL);
        Py_XDECREF(w);
    }
}

static PyMethodDef hooks_methods[] = {
    {"on", hooks_on, METH_VARARGS, NULL},
    {"swap", hooks_swap, METH_VARARGS, NULL},
    {"reset", hooks_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef hooks_module = {
    PyModuleDef_HEAD_INIT, "hooks", NULL, -1, hooks_methods,
    NULL, NULL, NULL, hooks_free
};

PyMODINIT_FUNC
PyInit_hooks(void)
{
    return PyModule_Create(&hooks_module);
}
