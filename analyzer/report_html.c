/* report_html.c - the HTML report. */
#include "report_impl.h"

int report_write_html(FILE *out, const finding_list *l, const report_info *info)
{
    (void)out;
    (void)l;
    (void)info;
    fputs("pyrefcheck: the html format is not available in this build\n", stderr);
    return -1;
}
