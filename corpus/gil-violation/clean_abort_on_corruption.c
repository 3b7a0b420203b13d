/* clean: a corrupted ring buffer is detected without the GIL and ends the
 * process with abort(), which needs no GIL; API calls stay outside the block. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RING_CAP 1024

static struct {
    size_t head, tail;
    double data[RING_CAP];
} ring;

static PyObject *
ring_push(PyObject *self, PyObject *arg)
{
    double v = PyFloat_AsDouble(arg);
    if (v == -1.0 && PyErr_Occurred())
        return NULL;
    if ((ring.tail + 1) % RING_CAP == ring.head) {
        PyErr_SetString(PyExc_OverflowError, "ring buffer is full");
        return NULL;
    }
    ring.data[ring.tail] = v;
    ring.tail = (ring.tail + 1) % RING_CAP;
    Py_RETURN_NONE;
}

static PyObject *
ring_mean(PyObject *self, PyObject *unused)
{
    /* Snapshot under the GIL: ring_push() may run as soon as it is released. */
    double snapshot[RING_CAP];
    size_t head = ring.head, tail = ring.tail;
    memcpy(snapshot, ring.data, sizeof snapshot);
    double sum = 0.0;
    size_t n = 0;
    Py_BEGIN_ALLOW_THREADS
    if (head >= RING_CAP || tail >= RING_CAP) {
        fprintf(stderr, "ring: corrupted indices %zu/%zu\n", head, tail);
        abort();
    }
    for (size_t i = head; i != tail; i = (i + 1) % RING_CAP) {
        sum += snapshot[i];
        n++;
    }
    Py_END_ALLOW_THREADS
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "ring buffer is empty");
        return NULL;
    }
    return PyFloat_FromDouble(sum / (double)n);
}

static PyMethodDef ring_methods[] = {
    {"push", ring_push, METH_O, NULL},
    {"mean", ring_mean, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ring_module = {
    PyModuleDef_HEAD_INIT, "ring", NULL, -1, ring_methods
};

PyMODINIT_FUNC
PyInit_ring(void)
{
    return PyModule_Create(&ring_module);
}
