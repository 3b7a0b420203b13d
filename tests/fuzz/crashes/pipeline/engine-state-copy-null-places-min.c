#include <Python.h>
static PyObject *f(PyObject *o)
{
    if (o)
        return o;
    return NULL;
}
