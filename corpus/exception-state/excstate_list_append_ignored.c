/* exception-state: the -1 result of PyList_Append() is ignored, so a failed
 * append is followed by returning the list as if nothing had happened. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
words_split_spaces(PyObject *self, PyObject *args)
{
    const char *text;
    if (!PyArg_ParseTuple(args, "s", &text))
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p == start)
            break;
        PyObject *word = PyUnicode_FromStringAndSize(start, p - start);
        if (word == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyList_Append(result, word); // expected-warning{{exception-state}}
        Py_DECREF(word);
    }
    return result; // expected-warning{{exception-state}}
}

static PyMethodDef words_methods[] = {
    {"split_spaces", words_split_spaces, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef words_module = {
    PyModuleDef_HEAD_INIT, "words", NULL, -1, words_methods
};

PyMODINIT_FUNC
PyInit_words(void)
{
    return PyModule_Create(&words_module);
}
