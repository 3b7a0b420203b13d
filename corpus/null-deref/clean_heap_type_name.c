/* clean: PyType_GetName() of a heap type returns (a new reference to) the
 * name string the type keeps, so it cannot fail for the type this module
 * just made with PyType_FromSpec(); its result is used unchecked. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
} TokenObject;

static PyType_Slot Token_slots[] = {
    {0, NULL}
};

static PyType_Spec Token_spec = {
    .name = "tokens.Token",
    .basicsize = sizeof(TokenObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Token_slots,
};

static int
tokens_exec(PyObject *m)
{
    PyObject *type = PyType_FromSpec(&Token_spec);
    if (type == NULL)
        return -1;
    PyObject *name = PyType_GetName((PyTypeObject *)type);
    int rc = PyObject_SetAttrString(m, "token_type_name", name);
    Py_DECREF(name);
    if (rc == 0)
        rc = PyModule_AddObjectRef(m, "Token", type);
    Py_DECREF(type);
    return rc;
}

static PyModuleDef_Slot tokens_slots[] = {
    {Py_mod_exec, tokens_exec},
    {0, NULL}
};

static struct PyModuleDef tokens_module = {
    PyModuleDef_HEAD_INIT, "tokens", NULL, 0, NULL, tokens_slots
};

PyMODINIT_FUNC
PyInit_tokens(void)
{
    return PyModuleDef_Init(&tokens_module);
}
