/* clean: 'fmt' starts NULL but is assigned on both branches of the if and
 * checked with `if (!fmt) goto error;` before it is used. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
format_amount(PyObject *self, PyObject *args)
{
    double amount;
    int as_percent = 0;
    PyObject *fmt = NULL, *num = NULL, *result = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "d|p", &amount, &as_percent))
        return NULL;
    if (as_percent)
        fmt = PyUnicode_FromString("{:.1%}");
    else
        fmt = PyUnicode_FromString("{:,.2f}");
    if (!fmt)
        goto error;
    num = PyFloat_FromDouble(amount);
    if (!num)
        goto error;
    result = PyObject_CallMethod(fmt, "format", "O", num);
    if (!result)
        goto error;
    Py_DECREF(fmt);
    Py_DECREF(num);
    return result;
error:
    Py_XDECREF(fmt);
    Py_XDECREF(num);
    return NULL;
}

static PyMethodDef money_methods[] = {
    {"format_amount", format_amount, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef money_module = {
    PyModuleDef_HEAD_INIT, "money", NULL, -1, money_methods
};

PyMODINIT_FUNC
PyInit_money(void)
{
    return PyModule_Create(&money_module);
}
