/* gil-violation: the result tuple is built with PyLong_FromSsize_t() and
 * PyTuple_Pack() while the GIL is still released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static PyObject *
textstat_count_lines(PyObject *self, PyObject *args)
{
    Py_buffer text;
    if (!PyArg_ParseTuple(args, "y*", &text))
        return NULL;
    PyObject *lines = NULL, *result = NULL;
    Py_BEGIN_ALLOW_THREADS
    Py_ssize_t count = 0, longest = 0, cur = 0;
    const char *p = text.buf;
    for (Py_ssize_t i = 0; i < text.len; i++) {
        if (p[i] == '\n') {
            count++;
            if (cur > longest)
                longest = cur;
            cur = 0;
        }
        else {
            cur++;
        }
    }
    if (cur > longest)
        longest = cur;
    lines = PyLong_FromSsize_t(count); // expected-warning{{gil-violation}}
    if (lines != NULL) {
        result = Py_BuildValue("(On)", lines, longest); // expected-warning{{gil-violation}}
        Py_DECREF(lines); // expected-warning{{gil-violation}}
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&text);
    return result;
}

static PyMethodDef textstat_methods[] = {
    {"count_lines", textstat_count_lines, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef textstat_module = {
    PyModuleDef_HEAD_INIT, "textstat", NULL, -1, textstat_methods
};

PyMODINIT_FUNC
PyInit_textstat(void)
{
    return PyModule_Create(&textstat_module);
}
