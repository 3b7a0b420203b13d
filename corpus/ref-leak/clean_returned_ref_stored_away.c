/* clean: scan_begin() takes a new reference to 'text' and stores it in the
 * caller's ScanState (a plain C struct on the caller's stack); it returns
 * 'text' only as a success flag, NULL with an exception set on failure
 * (having dropped the reference again).  The callers test the result and
 * otherwise ignore it; scan_end() releases the stored reference with
 * Py_CLEAR.  The returned pointer is not a second reference, so the
 * callers leak nothing by not releasing it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject *text;         /* owned while scanning */
    Py_ssize_t pos;
    Py_ssize_t len;
} ScanState;

static PyObject *
scan_begin(ScanState *st, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "expected str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    Py_INCREF(text);
    st->text = text;
    st->pos = 0;
    st->len = PyUnicode_GET_LENGTH(text);
    if (st->len > 1000000) {
        Py_CLEAR(st->text);
        PyErr_SetString(PyExc_ValueError, "text too long to scan");
        return NULL;
    }
    return text;
}

static void
scan_end(ScanState *st)
{
    Py_CLEAR(st->text);
}

/* Skip blanks; return 1 if a word starts at st->pos, 0 at the end. */
static int
scan_next_word(ScanState *st)
{
    while (st->pos < st->len
           && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(st->text, st->pos)))
        st->pos++;
    if (st->pos >= st->len)
        return 0;
    while (st->pos < st->len
           && !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(st->text, st->pos)))
        st->pos++;
    return 1;
}

static PyObject *
count_words(PyObject *module, PyObject *arg)
{
    ScanState st;
    long count = 0;
    (void)module;

    if (scan_begin(&st, arg) == NULL)
        return NULL;
    while (scan_next_word(&st))
        count++;
    PyObject *result = PyLong_FromLong(count);
    scan_end(&st);
    return result;
}

static PyObject *
longest_word(PyObject *module, PyObject *arg)
{
    ScanState st;
    Py_ssize_t best_start = 0, best_len = 0;
    (void)module;

    if (scan_begin(&st, arg) == NULL)
        return NULL;
    while (scan_next_word(&st)) {
        Py_ssize_t end = st.pos, start = end;
        while (start > 0
               && !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(st.text, start - 1)))
            start--;
        if (end - start > best_len) {
            best_start = start;
            best_len = end - start;
        }
    }
    PyObject *result = PyUnicode_Substring(st.text, best_start, best_start + best_len);
    scan_end(&st);
    return result;
}

static PyMethodDef scanner_methods[] = {
    {"count_words", count_words, METH_O, NULL},
    {"longest_word", longest_word, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef scanner_module = {
    PyModuleDef_HEAD_INIT, "scanner", NULL, -1, scanner_methods
};

PyMODINIT_FUNC
PyInit_scanner(void)
{
    return PyModule_Create(&scanner_module);
}
