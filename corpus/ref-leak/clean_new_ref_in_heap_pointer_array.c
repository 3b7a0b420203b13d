/* clean: a table of plain pointers allocated on the heap and exported in a
 * capsule keeps the new reference stored in it: unlike a local array, it
 * outlives the function, so storing there hands the reference over. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyTypeObject Widget_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "widgets.Widget",
    .tp_basicsize = sizeof(PyObject),
};

static int widget_count(void) { return 0; }

static void
api_free(PyObject *capsule)
{
    void **api = PyCapsule_GetPointer(capsule, "widgets._C_API");
    if (api == NULL)
        return;
    Py_DECREF((PyObject *)api[0]);
    PyMem_Free(api);
}

static int
widgets_export(PyObject *module)
{
    void **api = PyMem_Calloc(2, sizeof(void *));
    if (api == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_INCREF(&Widget_Type);
    api[0] = (void *)&Widget_Type;
    api[1] = (void *)widget_count;
    PyObject *capsule = PyCapsule_New(api, "widgets._C_API", api_free);
    if (capsule == NULL) {
        Py_DECREF(&Widget_Type);
        PyMem_Free(api);
        return -1;
    }
    if (PyModule_AddObject(module, "_C_API", capsule) < 0) {
        Py_DECREF(capsule);
        return -1;
    }
    return 0;
}
