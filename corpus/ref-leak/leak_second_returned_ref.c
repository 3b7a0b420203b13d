/* leak: two ways to lose the extra reference a helper returns for a C
 * library.  job_new returns its object with two references; schedule()
 * hands the second one to the library only when a delay is given, and
 * leaks it otherwise (reported at the call).  job_copy returns two
 * references on one path but one on the other, so it does not return two
 * references: its extra one is leaked where it is made. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct queue queue;
extern int queue_push(queue *q, int delay, void *data);
extern queue *default_queue;

typedef struct {
    PyObject_HEAD
    int delay;
} JobObject;

static PyTypeObject JobType;

/* The job, with one reference for the caller and one for the queue. */
static JobObject *
job_new(int delay)
{
    JobObject *j = PyObject_New(JobObject, &JobType);
    if (j == NULL)
        return NULL;
    j->delay = delay;
    Py_INCREF(j);
    return j;
}

static PyObject *
jobs_schedule(PyObject *module, PyObject *arg)
{
    (void)module;
    long delay = PyLong_AsLong(arg);
    if (delay == -1 && PyErr_Occurred())
        return NULL;
    JobObject *j = job_new((int)delay);   // expected-warning{{ref-leak}}
    if (j == NULL)
        return NULL;
    if (delay > 0)
        queue_push(default_queue, (int)delay, (void *)j);
    return (PyObject *)j;
}

static JobObject *
job_copy(JobObject *src)
{
    JobObject *j = PyObject_New(JobObject, &JobType);   // expected-warning{{ref-leak}}
    if (j == NULL)
        return NULL;
    j->delay = src->delay;
    if (src->delay > 0)
        Py_INCREF(j);
    return j;
}

static PyObject *
jobs_copy(PyObject *module, PyObject *arg)
{
    (void)module;
    if (!PyObject_TypeCheck(arg, &JobType)) {
        PyErr_SetString(PyExc_TypeError, "a job is required");
        return NULL;
    }
    JobObject *j = job_copy((JobObject *)arg);
    if (j != NULL && j->delay > 0)
        queue_push(default_queue, j->delay, (void *)j);
    return (PyObject *)j;
}

static PyTypeObject JobType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "jobs.Job",
    .tp_basicsize = sizeof(JobObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyMethodDef jobs_methods[] = {
    {"schedule", jobs_schedule, METH_O, NULL},
    {"copy", jobs_copy, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef jobs_module = {
    PyModuleDef_HEAD_INIT, "jobs", NULL, -1, jobs_methods
};

PyMODINIT_FUNC
PyInit_jobs(void)
{
    if (PyType_Ready(&JobType) < 0)
        return NULL;
    return PyModule_Create(&jobs_module);
}
