/* report_ci.c - the CI formats: GitHub Actions workflow commands (one
 * "::error file=...,line=...,col=...,title=...::message" line per finding)
 * and GitLab Code Quality JSON (built with jansson). */
#include "report_impl.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* GitHub workflow-command escaping: data escapes %, CR and LF; property
 * values also escape ':' and ','. */
static void put_escaped(FILE *out, const char *s, bool property)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': if (property) { fputs("%3A", out); break; } /* fall through */
        case ',': if (property && *s == ',') { fputs("%2C", out); break; }
                  /* fall through */
        default: fputc(*s, out);
        }
    }
}

static const char *github_command(const char *severity)
{
    return severity && !strcmp(severity, "note") ? "notice" : "error";
}

int report_write_github(FILE *out, const finding_list *l,
                        const report_info *info)
{
    for (size_t i = 0; i < l->len; i++) {
        const finding *f = &l->items[i];
        if (f->suppressed)
            continue;
        fprintf(out, "::%s file=", github_command(f->severity));
        char *path = report_relative_path(f->file, info->root);
        put_escaped(out, path, true);
        free(path);
        fprintf(out, ",line=%u,col=%u,title=", f->line, f->col);
        char *title = xasprintf("pyrefcheck %s", f->rule ? f->rule : "finding");
        put_escaped(out, title, true);
        free(title);
        fputs("::", out);
        put_escaped(out, f->message, false);
        for (size_t k = 0; k < f->nsteps; k++) {
            char *step = xasprintf("\n%u:%u: %s", f->steps[k].line,
                                   f->steps[k].col, f->steps[k].message);
            put_escaped(out, step, false);
            free(step);
        }
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

/* GitLab severities: info, minor, major, critical, blocker. */
static const char *gitlab_severity(const char *severity)
{
    if (severity && !strcmp(severity, "error"))
        return "critical";
    if (severity && !strcmp(severity, "note"))
        return "info";
    return "major";
}

static json_t *gitlab_issue(const finding *f, const char *root)
{
    json_t *issue = json_object();
    json_object_set_new(issue, "description", report_jstr(f->message));
    json_object_set_new(issue, "check_name", report_jstr(f->rule));
    json_object_set_new(issue, "fingerprint", report_jstr(f->fingerprint));
    json_object_set_new(issue, "severity", json_string(gitlab_severity(f->severity)));
    json_t *loc = json_object();
    char *path = report_relative_path(f->file, root);
    json_object_set_new(loc, "path", report_jstr(path));
    free(path);
    json_object_set_new(loc, "lines", json_pack("{s:i}", "begin", (json_int_t)f->line));
    json_object_set_new(issue, "location", loc);
    return issue;
}

int report_write_gitlab(FILE *out, const finding_list *l,
                        const report_info *info)
{
    json_t *doc = json_array();
    for (size_t i = 0; i < l->len; i++)
        if (!l->items[i].suppressed)
            json_array_append_new(doc, gitlab_issue(&l->items[i], info->root));
    return report_dump_json(out, doc);
}
