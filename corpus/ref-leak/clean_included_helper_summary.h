/* Helpers of clean_included_helper_summary.c, in a header of the
 * extension's own: on this platform the capture is a stub that returns
 * NULL, and the lookup returns a borrowed reference. */
#ifndef CLEAN_INCLUDED_HELPER_SUMMARY_H
#define CLEAN_INCLUDED_HELPER_SUMMARY_H

static PyObject *hook_registry;   /* name -> hook */

#ifdef _WIN32
static PyObject *
start_error_capture(void)
{
    return PyDict_New();
}

static void
stop_error_capture(PyObject *capture)
{
    Py_XDECREF(capture);
}
#else
static PyObject *
start_error_capture(void)
{
    return NULL;
}

static void
stop_error_capture(PyObject *capture)
{
    (void)capture;
}
#endif

static PyObject *
find_hook(const char *name)
{
    if (hook_registry == NULL)
        return NULL;
    return PyDict_GetItemString(hook_registry, name);
}

#endif
