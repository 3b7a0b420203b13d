/* clean: a Channel keeps the Hub it was opened on (declared HubObject *).
 * Channel_traverse visits the hub, but Channel_clear leaves it alone so
 * that a channel always has a hub to talk to.  That is fine: Hub is a GC
 * type whose tp_clear drops every reference it owns (its 'handler', an
 * arbitrary callable), so a garbage cycle through channel->hub is broken
 * when the collector clears the hub. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *handler;
} HubObject;

typedef struct {
    PyObject_HEAD
    HubObject *hub;
    PyObject *pending;
} ChannelObject;

static PyTypeObject Hub_Type;
static PyTypeObject Channel_Type;

static int
Hub_traverse(HubObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->handler);
    return 0;
}

static int
Hub_clear(HubObject *self)
{
    Py_CLEAR(self->handler);
    return 0;
}

static void
Hub_dealloc(HubObject *self)
{
    PyObject_GC_UnTrack(self);
    Hub_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Hub_set_handler(HubObject *self, PyObject *handler)
{
    Py_XSETREF(self->handler, Py_NewRef(handler));
    Py_RETURN_NONE;
}

static PyObject *
new_channel(HubObject *hub)
{
    ChannelObject *ch = PyObject_GC_New(ChannelObject, &Channel_Type);
    if (ch == NULL)
        return NULL;
    Py_INCREF(hub);
    ch->hub = hub;
    ch->pending = NULL;
    PyObject_GC_Track(ch);
    return (PyObject *)ch;
}

static PyObject *
Hub_open(HubObject *self, PyObject *Py_UNUSED(ignored))
{
    return new_channel(self);
}

static PyMethodDef Hub_methods[] = {
    {"set_handler", (PyCFunction)Hub_set_handler, METH_O, NULL},
    {"open", (PyCFunction)Hub_open, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
Channel_traverse(ChannelObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->hub);
    Py_VISIT(self->pending);
    return 0;
}

static int
Channel_clear(ChannelObject *self)
{
    Py_CLEAR(self->pending);
    return 0;
}

static void
Channel_dealloc(ChannelObject *self)
{
    PyObject_GC_UnTrack(self);
    Channel_clear(self);
    Py_XDECREF(self->hub);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Channel_send(ChannelObject *self, PyObject *item)
{
    Py_XSETREF(self->pending, Py_NewRef(item));
    Py_RETURN_NONE;
}

static PyMethodDef Channel_methods[] = {
    {"send", (PyCFunction)Channel_send, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Hub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hubs.Hub",
    .tp_basicsize = sizeof(HubObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Hub_traverse,
    .tp_clear = (inquiry)Hub_clear,
    .tp_dealloc = (destructor)Hub_dealloc,
    .tp_methods = Hub_methods,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject Channel_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hubs.Channel",
    .tp_basicsize = sizeof(ChannelObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Channel_traverse,
    .tp_clear = (inquiry)Channel_clear,
    .tp_dealloc = (destructor)Channel_dealloc,
    .tp_methods = Channel_methods,
};

static struct PyModuleDef hubs_module = {
    PyModuleDef_HEAD_INIT, "hubs", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_hubs(void)
{
    if (PyType_Ready(&Hub_Type) < 0 || PyType_Ready(&Channel_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hubs_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Hub", (PyObject *)&Hub_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
