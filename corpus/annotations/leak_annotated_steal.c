/* annotations: cpychecker's attribute macros, as extension code carries
 * them, tell pyrefcheck that a helper takes over its argument and that
 * another returns a borrowed reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(WITH_CPYCHECKER_STEALS_REFERENCE_TO_ARG_ATTRIBUTE)
  #define CPYCHECKER_STEALS_REFERENCE_TO_ARG(n) \
     __attribute__((cpychecker_steals_reference_to_arg(n)))
#else
  #define CPYCHECKER_STEALS_REFERENCE_TO_ARG(n)
#endif
#if defined(WITH_CPYCHECKER_RETURNS_BORROWED_REF_ATTRIBUTE)
  #define CPYCHECKER_RETURNS_BORROWED_REF \
    __attribute__((cpychecker_returns_borrowed_ref))
#else
  #define CPYCHECKER_RETURNS_BORROWED_REF
#endif

static PyObject *registry;

/* Takes over item (stores it in the registry list, or releases it). */
static int register_item(PyObject *item) CPYCHECKER_STEALS_REFERENCE_TO_ARG(1);
static PyObject *first_item(void) CPYCHECKER_RETURNS_BORROWED_REF;

static int
register_item(PyObject *item)
{
    int rc = PyList_Append(registry, item);
    Py_DECREF(item);
    return rc;
}

/* A helper that breaks its own contract: it never releases the item it
 * is given on the error path. */
static int register_checked(PyObject *item) CPYCHECKER_STEALS_REFERENCE_TO_ARG(1);

static int
register_checked(PyObject *item) // expected-warning{{ref-leak}}
{
    if (!PyLong_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "expected an int");
        return -1;
    }
    return register_item(item);
}

static PyObject *
first_item(void)
{
    return PyList_GET_ITEM(registry, 0);
}

static PyObject *
add(PyObject *self, PyObject *arg)
{
    (void)self;
    if (register_item(Py_NewRef(arg)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
add_number(PyObject *self, PyObject *arg)
{
    (void)self;
    PyObject *n = PyNumber_Long(arg);
    if (n == NULL)
        return NULL;
    if (register_checked(n) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
peek(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyObject *item = first_item();
    Py_DECREF(item); // expected-warning{{ref-overrelease}}
    return Py_NewRef(item);
}

static PyMethodDef reg_methods[] = {
    {"add", add, METH_O, NULL},
    {"add_number", add_number, METH_O, NULL},
    {"peek", peek, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
