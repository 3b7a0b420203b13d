/* clean: the object keeps its error handler in a member, and the file sets
 * that member to one function only, which sets an exception and returns
 * NULL.  A call through the member is a call of that function, so its
 * dropped result holds no reference. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    int fd;
    PyObject *(*fail)(void);
} ChannelObject;

static PyObject *
raise_channel_error(void)
{
    PyErr_SetString(PyExc_OSError, "channel is closed");
    return NULL;
}

static PyObject *
channel_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)args;
    (void)kwds;
    ChannelObject *self = (ChannelObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->fd = -1;
    self->fail = &raise_channel_error;
    return (PyObject *)self;
}

static PyObject *
channel_fileno(PyObject *op, PyObject *unused)
{
    ChannelObject *self = (ChannelObject *)op;
    (void)unused;
    if (self->fd < 0) {
        self->fail();
        return NULL;
    }
    return PyLong_FromLong(self->fd);
}

static PyMethodDef channel_methods[] = {
    {"fileno", channel_fileno, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Channel_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "channels.Channel",
    .tp_basicsize = sizeof(ChannelObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = channel_methods,
    .tp_new = channel_new,
};

static struct PyModuleDef channels_module = {
    PyModuleDef_HEAD_INIT, "channels", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_channels(void)
{
    if (PyType_Ready(&Channel_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&channels_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Channel", (PyObject *)&Channel_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
