/* Helper of leak_included_helper_new_ref.c, in a header of the extension's
 * own: it returns a new reference. */
#ifndef LEAK_INCLUDED_HELPER_NEW_REF_H
#define LEAK_INCLUDED_HELPER_NEW_REF_H

static PyObject *
label_for(long id)
{
    return PyUnicode_FromFormat("item-%ld", id);
}

#endif
