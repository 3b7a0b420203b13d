/* clean: every scalar unit of PyArg_ParseTuple gets a pointer of its own C
 * type, including the unsigned and narrow ones, with a ":name" ending. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
packet_encode(PyObject *self, PyObject *args)
{
    unsigned char version, flags;
    short port;
    unsigned short window;
    int seq;
    unsigned int ack;
    long ttl;
    unsigned long id;
    long long stamp;
    unsigned long long cookie;
    Py_ssize_t length;
    char kind;
    int marker;
    if (!PyArg_ParseTuple(args, "bBhHiIlkLKncC:encode",
                          &version, &flags, &port, &window, &seq, &ack,
                          &ttl, &id, &stamp, &cookie, &length, &kind, &marker))
        return NULL;
    return PyUnicode_FromFormat("v%d f%d p%d w%d s%d a%u t%ld i%lu %lld %llu n%zd %c %c",
                                (int)version, (int)flags, (int)port, (int)window,
                                seq, ack, ttl, id, stamp, cookie, length,
                                (int)kind, marker);
}

static PyObject *
packet_scale(PyObject *self, PyObject *args)
{
    double factor;
    float bias;
    int clamp;
    if (!PyArg_ParseTuple(args, "dfp:scale", &factor, &bias, &clamp))
        return NULL;
    double v = factor * 2.0 + bias;
    if (clamp && v > 1.0)
        v = 1.0;
    return PyFloat_FromDouble(v);
}

static PyMethodDef packet_methods[] = {
    {"encode", packet_encode, METH_VARARGS, NULL},
    {"scale", packet_scale, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef packet_module = {
    PyModuleDef_HEAD_INIT, "packet", NULL, -1, packet_methods
};

PyMODINIT_FUNC
PyInit_packet(void)
{
    return PyModule_Create(&packet_module);
}
