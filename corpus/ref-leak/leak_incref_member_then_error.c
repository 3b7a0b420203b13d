/* leak: the getter adds a reference to the member in place and returns
 * the member, but when the codec lookup fails it returns NULL with that
 * reference still added.  The function uses the member afterwards (it
 * returns it), so the reference is its own, not the member's. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *codec;
    PyObject *cache;
} ChannelObject;

static PyObject *
Channel_get_codec(ChannelObject *self, PyObject *unused)
{
    (void)unused;
    if (self->codec == NULL)
        Py_RETURN_NONE;
    Py_INCREF(self->codec);   // expected-warning{{ref-leak}}
    if (PyDict_GetItemString(self->cache, "ready") == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "codec not ready");
        return NULL;
    }
    return self->codec;
}

/* leak: the member is read into a variable and increfed there; the
 * reference is the function's, and the error path drops it. */
static PyObject *
Channel_codec_name(ChannelObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *codec = self->codec;
    if (codec == NULL)
        Py_RETURN_NONE;
    Py_INCREF(codec);   // expected-warning{{ref-leak}}
    PyObject *name = PyObject_GetAttrString(codec, "name");
    if (name == NULL)
        return NULL;
    Py_DECREF(codec);
    return name;
}

static void
Channel_dealloc(ChannelObject *self)
{
    Py_XDECREF(self->codec);
    Py_XDECREF(self->cache);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Channel_methods[] = {
    {"get_codec", (PyCFunction)Channel_get_codec, METH_NOARGS, NULL},
    {"codec_name", (PyCFunction)Channel_codec_name, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject ChannelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "channels.Channel",
    .tp_basicsize = sizeof(ChannelObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Channel_dealloc,
    .tp_methods = Channel_methods,
};

static struct PyModuleDef channels_module = {
    PyModuleDef_HEAD_INIT, "channels", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_channels(void)
{
    if (PyType_Ready(&ChannelType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&channels_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Channel", (PyObject *)&ChannelType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
