/* clean: merging two sorted, non-empty C lists (no Python objects).
 * 'last' starts NULL and is set by the first pass of the loop, which
 * always runs because both lists have an item; the engine does not follow
 * that, but a plain C pointer that the function itself set to NULL is its
 * own logic, not a result of the C API left unchecked, and a dereference
 * of it is not reported. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct node {
    struct node *next;
    long key;
} node;

static node *
merge_sorted(node *a, node *b)
{
    node *head = NULL, *last = NULL;
    while (a && b) {
        if (a->key <= b->key) {
            last = a;
            a = a->next;
        } else {
            last = b;
            b = b->next;
        }
        if (!head)
            head = last;
    }
    if (a)
        last->next = a;
    else if (b)
        last->next = b;
    return head;
}

/* called only with two non-empty lists */
static node *
merge_nonempty(node *a, node *b)
{
    return a && b ? merge_sorted(a, b) : NULL;
}

static PyObject *
merged_first_key(PyObject *self, PyObject *args)
{
    long x, y;
    if (!PyArg_ParseTuple(args, "ll", &x, &y))
        return NULL;
    node na = { NULL, x }, nb = { NULL, y };
    node *m = merge_nonempty(&na, &nb);
    return PyLong_FromLong(m->key);
}

static PyMethodDef merge_methods[] = {
    {"merged_first_key", merged_first_key, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef merge_module = {
    PyModuleDef_HEAD_INIT, "merge", NULL, -1, merge_methods
};

PyMODINIT_FUNC
PyInit_merge(void)
{
    return PyModule_Create(&merge_module);
}
