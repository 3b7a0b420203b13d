/* clean: Py_BuildValue with "{s:i,s:O}" dicts, "[ii]" lists, "N" (which
 * takes over the reference) and values of the right C type for each unit. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stats_summary(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PyObject_Length(seq);
    if (n < 0)
        return NULL;
    int small = n < 10;
    return Py_BuildValue("{s:n,s:i,s:O}", "count", n, "small", small, "source", seq);
}

static PyObject *
stats_range(PyObject *self, PyObject *args)
{
    int lo, hi;
    if (!PyArg_ParseTuple(args, "ii:range", &lo, &hi))
        return NULL;
    return Py_BuildValue("[ii]", lo, hi);
}

static PyObject *
stats_describe(PyObject *self, PyObject *args)
{
    const char *name;
    double mean;
    float spread;
    long total;
    if (!PyArg_ParseTuple(args, "sdfl:describe", &name, &mean, &spread, &total))
        return NULL;
    PyObject *label = PyUnicode_FromFormat("<%s>", name);
    if (label == NULL)
        return NULL;
    return Py_BuildValue("{s:N, s:d, s:f, s:l, s:[s,z]}",
                         "label", label, "mean", mean, "spread", spread,
                         "total", total, "tags", name, NULL);
}

static PyObject *
stats_empty(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("()");
}

static PyObject *
stats_nothing(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("");
}

static PyMethodDef stats_methods[] = {
    {"summary", stats_summary, METH_O, NULL},
    {"range", stats_range, METH_VARARGS, NULL},
    {"describe", stats_describe, METH_VARARGS, NULL},
    {"empty", stats_empty, METH_NOARGS, NULL},
    {"nothing", stats_nothing, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef stats_module = {
    PyModuleDef_HEAD_INIT, "stats", NULL, -1, stats_methods
};

PyMODINIT_FUNC
PyInit_stats(void)
{
    return PyModule_Create(&stats_module);
}
