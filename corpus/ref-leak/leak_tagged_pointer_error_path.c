/* ref-leak: a tagged pointer (the low bit of 'value' is the "sticky" flag)
 * denotes the same object as the untagged one, so the references taken
 * through it are still followed:
 *  - Marker_reset adds a reference to the untagged object, then returns on
 *    an error before handing it, tagged, to the member: it leaks;
 *  - Marker_describe adds a reference to what the borrowed getter
 *    marker_value returns and leaks it when PyObject_Repr fails. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define STICKY_BIT ((uintptr_t)1)
#define STICKY_OBJ(p) ((PyObject *)((uintptr_t)(p) & ~STICKY_BIT))
#define STICKY_SET(p, flag) ((PyObject *)((uintptr_t)STICKY_OBJ(p) | (flag)))

typedef struct {
    PyObject_HEAD
    PyObject *value;        /* owned, tagged */
} MarkerObject;

/* Takes the reference of 'tagged' into the member, releasing the old. */
static void
marker_store(PyObject **slot, PyObject *tagged)
{
    PyObject *old = STICKY_OBJ(*slot);
    *slot = tagged;
    Py_XDECREF(old);
}

/* Borrowed: the marked object, without its flag. */
static PyObject *
marker_value(MarkerObject *self)
{
    return STICKY_OBJ(self->value);
}

static PyObject *
Marker_reset(MarkerObject *self, PyObject *args)
{
    PyObject *value;
    int sticky = 0;
    if (!PyArg_ParseTuple(args, "O|p:reset", &value, &sticky))
        return NULL;
    PyObject *tagged = STICKY_SET(value, sticky != 0);
    Py_INCREF(STICKY_OBJ(tagged)); // expected-warning{{ref-leak}}
    if (PyObject_Hash(STICKY_OBJ(tagged)) == -1)
        return NULL;                /* leaks the reference added above */
    marker_store(&self->value, tagged);
    Py_RETURN_NONE;
}

static PyObject *
Marker_describe(MarkerObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *value = marker_value(self);
    if (value == NULL)
        Py_RETURN_NONE;
    Py_INCREF(value); // expected-warning{{ref-leak}}
    PyObject *repr = PyObject_Repr(value);
    if (repr == NULL)
        return NULL;                /* leaks 'value' */
    Py_DECREF(value);
    return repr;
}

static PyMethodDef Marker_methods[] = {
    {"reset", (PyCFunction)Marker_reset, METH_VARARGS, NULL},
    {"describe", (PyCFunction)Marker_describe, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
