/* clean: a static type whose PyMethodDef, PyGetSetDef and PyMemberDef
 * tables each end with their all-zero sentinel. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    int age;
} PersonObject;

static void
Person_dealloc(PersonObject *self)
{
    Py_XDECREF(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Person_get_greeting(PersonObject *self, void *closure)
{
    if (self->name == NULL)
        return PyUnicode_FromString("Hello");
    return PyUnicode_FromFormat("Hello, %S", self->name);
}

static int
Person_set_name(PersonObject *self, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "name must be a str");
        return -1;
    }
    Py_XSETREF(self->name, Py_NewRef(value));
    return 0;
}

static PyObject *
Person_get_name(PersonObject *self, void *closure)
{
    if (self->name == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->name);
}

static PyObject *
Person_birthday(PersonObject *self, PyObject *Py_UNUSED(ignored))
{
    self->age++;
    return PyLong_FromLong(self->age);
}

static PyGetSetDef Person_getset[] = {
    {"greeting", (getter)Person_get_greeting, NULL, "a greeting", NULL},
    {"name", (getter)Person_get_name, (setter)Person_set_name, "the name", NULL},
    {NULL}
};

static PyMemberDef Person_members[] = {
    {"age", T_INT, offsetof(PersonObject, age), 0, "age in years"},
    {NULL}
};

static PyMethodDef Person_methods[] = {
    {"birthday", (PyCFunction)Person_birthday, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Person_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "people.Person",
    .tp_basicsize = sizeof(PersonObject),
    .tp_dealloc = (destructor)Person_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Person_methods,
    .tp_members = Person_members,
    .tp_getset = Person_getset,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef people_module = {
    PyModuleDef_HEAD_INIT, "people", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_people(void)
{
    if (PyType_Ready(&Person_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&people_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Person", (PyObject *)&Person_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
