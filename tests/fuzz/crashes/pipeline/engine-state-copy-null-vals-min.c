#include <Python.h>
static PyObject *f(void)
{
    return PyLong_FromLong(1);
}
