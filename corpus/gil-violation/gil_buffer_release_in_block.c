/* gil-violation: the buffer view is handed back with PyBuffer_Release()
 * before Py_END_ALLOW_THREADS has re-acquired the GIL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

static PyObject *
adler_checksum(PyObject *self, PyObject *obj)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    uint32_t a = 1, b = 0;
    Py_BEGIN_ALLOW_THREADS
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    PyBuffer_Release(&view); // expected-warning{{gil-violation}}
    Py_END_ALLOW_THREADS
    return PyLong_FromUnsignedLong((unsigned long)((b << 16) | a));
}

static PyMethodDef adler_methods[] = {
    {"checksum", adler_checksum, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef adler_module = {
    PyModuleDef_HEAD_INIT, "adler", NULL, -1, adler_methods
};

PyMODINIT_FUNC
PyInit_adler(void)
{
    return PyModule_Create(&adler_module);
}
