/* clean: Chunk keeps a tagged pointer in 'body': an owned reference whose
 * low bit (always zero in an object's address) says "a list of pieces not
 * yet joined".  PIECES_OBJ(p) and PIECES_SET(p, flag) mask and set that bit:
 * they denote the same object as p.
 *  - Chunk_restore takes a new reference to the untagged object and hands
 *    it, tagged, to the member through chunk_set_body (which releases the
 *    old value): nothing leaks, nothing borrowed is taken over.
 *  - Chunk_copy does the same with another chunk's member.
 *  - chunk_body is a getter that joins the pieces on first use and keeps
 *    the result in the member: it returns a borrowed reference on every
 *    path, so its callers add their own before returning it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define PIECES_BIT ((uintptr_t)1)
#define PIECES_GET(p) ((uintptr_t)(p) & PIECES_BIT)
#define PIECES_OBJ(p) ((PyObject *)((uintptr_t)(p) & ~PIECES_BIT))
#define PIECES_SET(p, flag) ((void *)((uintptr_t)PIECES_OBJ(p) | (flag)))

typedef struct {
    PyObject_HEAD
    PyObject *body;         /* owned, tagged */
} ChunkObject;

static PyTypeObject Chunk_Type;

/* Replaces the tagged member *slot by 'tagged', whose reference it takes,
 * and releases the object the member held. */
static void
chunk_set_body(PyObject **slot, PyObject *tagged)
{
    PyObject *old = PIECES_OBJ(*slot);
    *slot = tagged;
    Py_XDECREF(old);
}

/* Borrowed: the text of the chunk, joined from its pieces if need be. */
static PyObject *
chunk_body(ChunkObject *self)
{
    PyObject *body = self->body;
    if (PIECES_GET(body)) {
        body = PIECES_OBJ(body);
        PyObject *sep = PyUnicode_FromStringAndSize(NULL, 0);
        if (sep == NULL)
            return NULL;
        PyObject *joined = PyUnicode_Join(sep, body);
        Py_DECREF(sep);
        if (joined == NULL)
            return NULL;
        self->body = joined;
        Py_DECREF(body);
        body = joined;
    }
    return body;
}

static PyObject *
Chunk_restore(ChunkObject *self, PyObject *state)
{
    PyObject *body = state != Py_None
                     ? PIECES_SET(state, PyList_CheckExact(state))
                     : Py_None;
    Py_INCREF(PIECES_OBJ(body));
    chunk_set_body(&self->body, body);
    Py_RETURN_NONE;
}

static PyObject *
Chunk_copy(ChunkObject *self, PyObject *Py_UNUSED(ignored))
{
    ChunkObject *copy = PyObject_New(ChunkObject, &Chunk_Type);
    if (copy == NULL)
        return NULL;
    copy->body = NULL;
    Py_INCREF(PIECES_OBJ(self->body));
    chunk_set_body(&copy->body, self->body);
    return (PyObject *)copy;
}

static PyObject *
Chunk_text(ChunkObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *text = chunk_body(self);
    Py_XINCREF(text);
    return text;
}

static PyObject *
Chunk_is_empty(ChunkObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *text = chunk_body(self);
    if (text == NULL)
        return NULL;
    if (text == Py_None)
        Py_RETURN_TRUE;
    Py_INCREF(text);
    int empty = PyObject_Not(text);
    Py_DECREF(text);
    if (empty < 0)
        return NULL;
    return PyBool_FromLong(empty);
}

static void
Chunk_dealloc(ChunkObject *self)
{
    Py_XDECREF(PIECES_OBJ(self->body));
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Chunk_methods[] = {
    {"restore", (PyCFunction)Chunk_restore, METH_O, NULL},
    {"copy", (PyCFunction)Chunk_copy, METH_NOARGS, NULL},
    {"text", (PyCFunction)Chunk_text, METH_NOARGS, NULL},
    {"is_empty", (PyCFunction)Chunk_is_empty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Chunk_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "chunks.Chunk",
    .tp_basicsize = sizeof(ChunkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Chunk_dealloc,
    .tp_methods = Chunk_methods,
};

static struct PyModuleDef chunks_module = {
    PyModuleDef_HEAD_INIT, "chunks", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_chunks(void)
{
    if (PyType_Ready(&Chunk_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&chunks_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Chunk", (PyObject *)&Chunk_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
