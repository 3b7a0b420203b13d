/* check_tables.h - methoddef-mismatch: the definition tables (tables.h)
 * against the functions they name, and their sentinels.
 *
 * Ownership: findings are appended to the caller's list. */
#ifndef PYREFCHECK_CHECK_TABLES_H
#define PYREFCHECK_CHECK_TABLES_H

#include "../analyzer/finding.h"
#include "../analyzer/tables.h"

void check_tables(const def_table_list *tables, const char *path,
                  finding_list *out);

#endif
