/* clean: Canvas is a GC type because 'listener' holds an arbitrary object,
 * and that member is visited and cleared.  'image' is stored only after
 * an exact type check (Py_IS_TYPE(arg, &Image_Type)), and Image_Type is a
 * non-GC type of this file with no object members (an int and a malloc'd
 * pixel buffer): an Image can refer to nothing, so 'image' cannot be part
 * of a cycle and traverse rightly leaves it out. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

typedef struct {
    PyObject_HEAD
    int size;
    unsigned char *pixels;
} ImageObject;

static void
Image_dealloc(ImageObject *self)
{
    free(self->pixels);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Image_init(ImageObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"size", NULL};
    int size;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:Image", kwlist, &size))
        return -1;
    if (size <= 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return -1;
    }
    unsigned char *pixels = calloc((size_t)size, 1);
    if (pixels == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    free(self->pixels);
    self->pixels = pixels;
    self->size = size;
    return 0;
}

static PyTypeObject Image_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "canvas.Image",
    .tp_basicsize = sizeof(ImageObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Image_dealloc,
    .tp_init = (initproc)Image_init,
    .tp_new = PyType_GenericNew,
};

typedef struct {
    PyObject_HEAD
    PyObject *image;                    /* exactly an Image, or NULL */
    PyObject *listener;
} CanvasObject;

static int
Canvas_traverse(CanvasObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->listener);
    return 0;
}

static int
Canvas_clear(CanvasObject *self)
{
    Py_CLEAR(self->listener);
    return 0;
}

static void
Canvas_dealloc(CanvasObject *self)
{
    PyObject_GC_UnTrack(self);
    Canvas_clear(self);
    Py_XDECREF(self->image);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Canvas_attach(CanvasObject *self, PyObject *arg)
{
    if (!Py_IS_TYPE(arg, &Image_Type)) {
        PyErr_Format(PyExc_TypeError, "expected an Image, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_XSETREF(self->image, Py_NewRef(arg));
    Py_RETURN_NONE;
}

static PyObject *
Canvas_listen(CanvasObject *self, PyObject *listener)
{
    Py_XSETREF(self->listener, Py_NewRef(listener));
    Py_RETURN_NONE;
}

static PyObject *
Canvas_area(CanvasObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->image == NULL)
        return PyLong_FromLong(0);
    return PyLong_FromLong(((ImageObject *)self->image)->size);
}

static PyMethodDef Canvas_methods[] = {
    {"attach", (PyCFunction)Canvas_attach, METH_O, NULL},
    {"listen", (PyCFunction)Canvas_listen, METH_O, NULL},
    {"area", (PyCFunction)Canvas_area, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Canvas_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "canvas.Canvas",
    .tp_basicsize = sizeof(CanvasObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Canvas_traverse,
    .tp_clear = (inquiry)Canvas_clear,
    .tp_dealloc = (destructor)Canvas_dealloc,
    .tp_methods = Canvas_methods,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef canvas_module = {
    PyModuleDef_HEAD_INIT, "canvas", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_canvas(void)
{
    if (PyType_Ready(&Image_Type) < 0)
        return NULL;
    if (PyType_Ready(&Canvas_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&canvas_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Image", (PyObject *)&Image_Type) < 0 ||
        PyModule_AddObjectRef(m, "Canvas", (PyObject *)&Canvas_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
