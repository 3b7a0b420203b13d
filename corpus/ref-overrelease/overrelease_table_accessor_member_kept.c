/* overrelease: a static table of records owns each record's label; the
 * file releases a label only after overwriting its slot (relabel), so the
 * member holds a reference.  peek(i) releases the label get_label(i)
 * handed out without overwriting the slot: the table still points to it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define N_RECORDS 8

static struct {
    int flags;
    PyObject *label;        /* owned, or NULL */
} records[N_RECORDS];

static PyObject *
get_label(int i)
{
    return records[i].label;
}

static void
set_label(int i, PyObject *label)
{
    records[i].label = label;
}

static int
record_index(PyObject *arg)
{
    long i = PyLong_AsLong(arg);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0 || i >= N_RECORDS) {
        PyErr_SetString(PyExc_IndexError, "no such record");
        return -1;
    }
    return (int)i;
}

static PyObject *
records_relabel(PyObject *module, PyObject *args)
{
    PyObject *index, *label;
    if (!PyArg_ParseTuple(args, "OU:relabel", &index, &label))
        return NULL;
    int i = record_index(index);
    if (i < 0)
        return NULL;
    PyObject *old = get_label(i);
    set_label(i, Py_NewRef(label));
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
records_peek(PyObject *module, PyObject *index)
{
    int i = record_index(index);
    if (i < 0)
        return NULL;
    PyObject *label = get_label(i);
    if (label == NULL)
        Py_RETURN_NONE;
    PyObject *text = PyObject_Str(label);
    Py_DECREF(label);   // expected-warning{{ref-overrelease}}
    return text;
}

static PyMethodDef records_methods[] = {
    {"relabel", records_relabel, METH_VARARGS, NULL},
    {"peek", records_peek, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef records_module = {
    PyModuleDef_HEAD_INIT, "records", NULL, -1, records_methods
};

PyMODINIT_FUNC
PyInit_records(void)
{
    return PyModule_Create(&records_module);
}
