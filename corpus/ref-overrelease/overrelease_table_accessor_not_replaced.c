/* overrelease: get_slot(i) hands out, borrowed, the reference a static
 * table keeps; only overwriting that same slot (set_slot(i, ...)) makes it
 * the caller's.  Releasing it with the slot left as it is, or after
 * overwriting another slot (set_slot(j, ...)), drops the table's
 * reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define N_SLOTS 8

static PyObject *slots[N_SLOTS];    /* owned, or NULL */

static PyObject *
get_slot(int i)
{
    return slots[i];
}

static void
set_slot(int i, PyObject *value)
{
    slots[i] = value;
}

/* forget(i): meant to empty slot i, but never clears it. */
static PyObject *
registry_forget(PyObject *module, PyObject *args)
{
    int i;
    if (!PyArg_ParseTuple(args, "i:forget", &i))
        return NULL;
    if (i < 0 || i >= N_SLOTS) {
        PyErr_SetString(PyExc_IndexError, "no such slot");
        return NULL;
    }
    PyObject *old = get_slot(i);
    Py_XDECREF(old);   // expected-warning{{ref-overrelease}}
    Py_RETURN_NONE;
}

/* put(i, j, obj): meant to replace slot i, but overwrites slot j: the
 * object read from slot i is still the table's. */
static PyObject *
registry_put(PyObject *module, PyObject *args)
{
    int i, j;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "iiO:put", &i, &j, &obj))
        return NULL;
    if (i < 0 || i >= N_SLOTS || j < 0 || j >= N_SLOTS) {
        PyErr_SetString(PyExc_IndexError, "bad slots");
        return NULL;
    }
    PyObject *old = get_slot(i);
    set_slot(j, Py_NewRef(obj));
    Py_XDECREF(old);   // expected-warning{{ref-overrelease}}
    Py_RETURN_NONE;
}

static PyMethodDef registry_methods[] = {
    {"forget", registry_forget, METH_VARARGS, NULL},
    {"put", registry_put, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef registry_module = {
    PyModuleDef_HEAD_INIT, "registry", NULL, -1, registry_methods
};

PyMODINIT_FUNC
PyInit_registry(void)
{
    return PyModule_Create(&registry_module);
}
