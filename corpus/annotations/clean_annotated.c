/* clean: pyrefcheck's own annotations (clang's annotate attribute) on
 * helpers that take over an argument and return a borrowed reference. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define STEALS(n) __attribute__((annotate("pyrefcheck:steals_reference_to_arg:" #n)))
#define BORROWED __attribute__((annotate("pyrefcheck:returns_borrowed_ref")))

static PyObject *cache;

static void set_cache(PyObject *value) STEALS(1);
static PyObject *get_cache(void) BORROWED;

static void
set_cache(PyObject *value)
{
    Py_XSETREF(cache, value);
}

static PyObject *
get_cache(void)
{
    return cache ? cache : Py_None;
}

static PyObject *
remember(PyObject *self, PyObject *arg)
{
    (void)self;
    PyObject *s = PyObject_Str(arg);
    if (s == NULL)
        return NULL;
    set_cache(s);
    Py_RETURN_NONE;
}

static PyObject *
recall(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return Py_NewRef(get_cache());
}

static PyMethodDef cache_methods[] = {
    {"remember", remember, METH_O, NULL},
    {"recall", recall, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
