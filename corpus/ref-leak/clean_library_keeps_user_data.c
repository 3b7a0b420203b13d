/* clean: a C library keeps a user-data pointer for each widget.  The
 * extension gives it a reference of its own (Py_INCREF, then the object
 * as a void *), and takes it back when the data is replaced.  Handing an
 * object as a void * to a library function that pyrefcheck knows nothing
 * about stores it where the analysis does not follow: that is not a leak. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct widget widget;
extern void *widget_user_data(const widget *w);
extern int widget_set_user_data(widget *w, void *data);

typedef struct {
    PyObject_HEAD
    widget *w;
} WidgetObject;

static PyObject *
Widget_set_data(WidgetObject *self, PyObject *data)
{
    PyObject *old = (PyObject *)widget_user_data(self->w);
    Py_INCREF(data);
    if (widget_set_user_data(self->w, data) != 0) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_RuntimeError, "cannot set the widget's data");
        return NULL;
    }
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyMethodDef Widget_methods[] = {
    {"set_data", (PyCFunction)Widget_set_data, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject WidgetType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "widgets.Widget",
    .tp_basicsize = sizeof(WidgetObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Widget_methods,
};

static struct PyModuleDef widgets_module = {
    PyModuleDef_HEAD_INIT, "widgets", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_widgets(void)
{
    if (PyType_Ready(&WidgetType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&widgets_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Widget", (PyObject *)&WidgetType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
