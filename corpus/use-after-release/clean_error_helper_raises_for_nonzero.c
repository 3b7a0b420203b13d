/* clean: raise_io_error(code) picks one of the module's exception classes
 * (made once in PyInit_*, never reassigned, or the interpreter's
 * MemoryError) for every nonzero code and
 * raises it, so it returns nonzero for every nonzero code.  After the
 * caller has released its list on "if (code)", "if (raise_io_error(code))
 * return NULL;" always returns: the list is not used again after the
 * release, and no path goes on with it. */
// expected-no-diagnostics
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>

extern int device_read_batch(int fd, long *values, int max, int *count);

static PyObject *DeviceError;
static PyObject *DeviceBusyError;

static int
raise_io_error(int code)
{
    PyObject *kind = NULL;
    switch (code) {
    case 0:
        return 0;
    case ENOMEM:
        kind = PyExc_MemoryError;
        break;
    case EBUSY:
        kind = DeviceBusyError;
        break;
    default:
        kind = DeviceError;
        break;
    }
    if (kind != NULL)
        PyErr_Format(kind, "device error %d", code);
    return kind != NULL;
}

static PyObject *
read_all(PyObject *self, PyObject *arg)
{
    int fd = PyLong_AsLong(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (;;) {
        long values[16];
        int count = 0;
        int code = device_read_batch(fd, values, 16, &count);
        if (code) {
            Py_DECREF(list);
            if (raise_io_error(code))
                return NULL;
        }
        if (count == 0)
            break;
        for (int i = 0; i < count; i++) {
            PyObject *v = PyLong_FromLong(values[i]);
            if (v == NULL) {
                Py_DECREF(list);
                return NULL;
            }
            if (PyList_Append(list, v) < 0) {
                Py_DECREF(v);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(v);
        }
    }
    return list;
}

static PyMethodDef device_methods[] = {
    {"read_all", read_all, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef device_module = {
    PyModuleDef_HEAD_INIT, "device", NULL, -1, device_methods
};

PyMODINIT_FUNC
PyInit_device(void)
{
    PyObject *m = PyModule_Create(&device_module);
    if (m == NULL)
        return NULL;
    DeviceError = PyErr_NewException("device.DeviceError", NULL, NULL);
    DeviceBusyError = PyErr_NewException("device.DeviceBusyError", DeviceError, NULL);
    if (PyModule_AddObjectRef(m, "DeviceError", DeviceError) < 0 ||
        PyModule_AddObjectRef(m, "DeviceBusyError", DeviceBusyError) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
