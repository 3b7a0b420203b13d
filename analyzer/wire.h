/* wire.h - the line protocol between worker processes and the process
 * that writes the database: one item_result as one line of JSON (built and
 * parsed with jansson).
 *
 * Ownership: wire_encode returns a string the caller frees; wire_decode
 * fills an item_result the caller releases with item_result_free. */
#ifndef PYREFCHECK_WIRE_H
#define PYREFCHECK_WIRE_H

#include "unit.h"

char *wire_encode(const item_result *r);
int wire_decode(const char *line, item_result *r);

#endif
