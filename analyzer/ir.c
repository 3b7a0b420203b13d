/* ir.c - construction, clean-up and text dump of the function IR. */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "tables.h"

ir_func *ir_func_new(const char *name, const char *file)
{
    ir_func *f = xcalloc(1, sizeof *f);
    f->name = xstrdup(name);
    f->file = xstrdup(file);
    return f;
}

static void insn_free(ir_insn *in)
{
    ir_op_free(&in->src);
    ir_op_free(&in->target);
    free(in->callee);
    free(in->via);
    free(in->macro);
    for (size_t i = 0; i < in->nargs; i++) {
        ir_op_free(&in->args[i]);
        if (in->arg_types)
            free(in->arg_types[i]);
    }
    free(in->args);
    free(in->arg_types);
    free(in->arg_elems);
}

static void block_free(cfg_block *b)
{
    for (size_t i = 0; i < b->ninsns; i++)
        insn_free(&b->insns[i]);
    free(b->insns);
    ir_op_free(&b->cond.value);
    ir_op_free(&b->cond.rhs);
    ir_op_free(&b->value);
    free(b->succ);
    free(b->case_vals);
}

void ir_func_free(ir_func *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nvars; i++) {
        free(f->vars[i].name);
        free(f->vars[i].rec);
    }
    free(f->vars);
    for (size_t i = 0; i < f->nblocks; i++)
        block_free(&f->blocks[i]);
    free(f->blocks);
    free(f->name);
    free(f->file);
    free(f->incomplete_reason);
    free(f->table_slot);
    free(f);
}

int ir_add_var(ir_func *f, const char *name, ir_var_kind kind, bool is_object)
{
    ir_var v = { xstrdup(name), kind, is_object, false, false, NULL };
    ARRAY_PUSH(f->vars, f->nvars, f->capvars, v);
    if (kind == VAR_PARAM)
        f->nparams++;
    return (int)f->nvars - 1;
}

int ir_new_temp(ir_func *f, bool is_object)
{
    char name[32];
    snprintf(name, sizeof name, "$t%zu", f->nvars);
    return ir_add_var(f, name, VAR_TEMP, is_object);
}

int ir_new_block(ir_func *f)
{
    cfg_block b;
    memset(&b, 0, sizeof b);
    b.id = (int)f->nblocks;
    ARRAY_PUSH(f->blocks, f->nblocks, f->capblocks, b);
    return b.id;
}

ir_insn *ir_append(ir_func *f, int block, ir_insn_kind kind, ir_loc loc)
{
    cfg_block *b = &f->blocks[block];
    ir_insn in;
    memset(&in, 0, sizeof in);
    in.kind = kind;
    in.loc = loc;
    in.dst = -1;
    in.src.var = in.target.var = -1;
    ARRAY_PUSH(b->insns, b->ninsns, b->capinsns, in);
    return &b->insns[b->ninsns - 1];
}

void ir_call_add_arg(ir_insn *call, ir_operand arg)
{
    ir_call_add_typed_arg(call, arg, NULL, -1);
}

void ir_call_add_typed_arg(ir_insn *call, ir_operand arg, const char *type,
                           long elems)
{
    size_t n = call->nargs + 1;
    call->args = xrealloc(call->args, n * sizeof *call->args);
    call->arg_types = xrealloc(call->arg_types, n * sizeof *call->arg_types);
    call->arg_elems = xrealloc(call->arg_elems, n * sizeof *call->arg_elems);
    call->args[call->nargs] = arg;
    call->arg_types[call->nargs] = xstrdup(type);
    call->arg_elems[call->nargs] = elems;
    call->nargs = n;
}

static void add_succ(cfg_block *b, int target)
{
    ARRAY_PUSH(b->succ, b->nsucc, b->capsucc, target);
}

void ir_set_goto(ir_func *f, int block, int target, ir_loc loc)
{
    cfg_block *b = &f->blocks[block];
    b->term = TERM_GOTO;
    b->term_loc = loc;
    add_succ(b, target);
}

void ir_set_branch(ir_func *f, int block, ir_cond cond, int if_true,
                   int if_false, ir_loc loc)
{
    cfg_block *b = &f->blocks[block];
    b->term = TERM_BRANCH;
    b->term_loc = loc;
    b->cond = cond;
    add_succ(b, if_true);
    add_succ(b, if_false);
}

void ir_set_return(ir_func *f, int block, ir_operand value, ir_loc loc)
{
    cfg_block *b = &f->blocks[block];
    b->term = TERM_RETURN;
    b->term_loc = loc;
    b->value = value;
}

void ir_set_noreturn(ir_func *f, int block, ir_loc loc)
{
    cfg_block *b = &f->blocks[block];
    b->term = TERM_NORETURN;
    b->term_loc = loc;
}

void ir_switch_begin(ir_func *f, int block, ir_operand value, ir_loc loc)
{
    cfg_block *b = &f->blocks[block];
    b->term = TERM_SWITCH;
    b->term_loc = loc;
    b->value = value;
}

/* Cases are added in order, then the default target last. */
void ir_switch_add_case(ir_func *f, int block, long long val, int target)
{
    cfg_block *b = &f->blocks[block];
    ARRAY_PUSH(b->case_vals, b->ncases, b->capcases, val);
    add_succ(b, target);
}

void ir_switch_add_default(ir_func *f, int block, int target)
{
    add_succ(&f->blocks[block], target);
}

void ir_mark_incomplete(ir_func *f, const char *reason)
{
    if (f->incomplete)
        return;
    f->incomplete = true;
    f->incomplete_reason = xstrdup(reason);
}

ir_cond ir_cond_make(ir_cond_kind kind, ir_operand value, long long ival)
{
    ir_cond c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    c.value = value;
    c.ival = ival;
    c.rhs = ir_op_none();
    return c;
}

ir_operand ir_op_none(void)
{
    ir_operand op = { OP_NONE, -1, 0, NULL, NULL, false, false, IDX_UNKNOWN, -1 };
    return op;
}

ir_operand ir_op_var(int var)
{
    ir_operand op = { OP_VAR, var, 0, NULL, NULL, false, false, IDX_UNKNOWN, -1 };
    return op;
}

ir_operand ir_op_null(void)
{
    ir_operand op = { OP_NULL, -1, 0, NULL, NULL, false, false, IDX_UNKNOWN, -1 };
    return op;
}

ir_operand ir_op_int(long long v)
{
    ir_operand op = { OP_INT, -1, v, NULL, NULL, false, false, IDX_UNKNOWN, -1 };
    return op;
}

ir_operand ir_op_text(ir_operand_kind kind, int var, const char *text)
{
    ir_operand op = { kind, var, 0, xstrdup(text), NULL, false, false, IDX_UNKNOWN, -1 };
    return op;
}

bool ir_func_calls(const ir_func *f, const char *callee)
{
    for (size_t b = 0; b < f->nblocks; b++)
        for (size_t i = 0; i < f->blocks[b].ninsns; i++) {
            const ir_insn *in = &f->blocks[b].insns[i];
            if (in->kind == INSN_CALL && in->callee && !strcmp(in->callee, callee))
                return true;
        }
    return false;
}

ir_operand ir_op_copy(const ir_operand *op)
{
    ir_operand c = *op;
    c.text = xstrdup(op->text);
    c.rec = xstrdup(op->rec);
    return c;
}

void ir_op_free(ir_operand *op)
{
    free(op->text);
    free(op->rec);
    op->text = NULL;
    op->rec = NULL;
}

/* ---- unreachable-block pruning ---- */

static void mark_reachable(const ir_func *f, bool *seen)
{
    int *stack = xmalloc(f->nblocks * sizeof *stack);
    size_t sp = 0;
    if (f->nblocks) {
        seen[0] = true;
        stack[sp++] = 0;
    }
    while (sp) {
        const cfg_block *b = &f->blocks[stack[--sp]];
        for (size_t i = 0; i < b->nsucc; i++) {
            int s = b->succ[i];
            if (!seen[s]) {
                seen[s] = true;
                stack[sp++] = s;
            }
        }
    }
    free(stack);
}

void ir_prune_unreachable(ir_func *f)
{
    bool *seen = xcalloc(f->nblocks, sizeof *seen);
    int *newid = xmalloc(f->nblocks * sizeof *newid);
    mark_reachable(f, seen);
    size_t n = 0;
    for (size_t i = 0; i < f->nblocks; i++) {
        if (seen[i]) {
            newid[i] = (int)n;
            f->blocks[n] = f->blocks[i];
            f->blocks[n].id = (int)n;
            n++;
        } else {
            newid[i] = -1;
            block_free(&f->blocks[i]);
        }
    }
    f->nblocks = n;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < f->blocks[i].nsucc; j++)
            f->blocks[i].succ[j] = newid[f->blocks[i].succ[j]];
    free(seen);
    free(newid);
}

/* ---- dump ---- */

/* An element of memory: *p, p[i], p->items[0], p->data[?]. */
static void dump_element(const ir_func *f, const ir_operand *op,
                         const char *vn, FILE *out)
{
    if (!op->text && op->index == IDX_CONST && op->ival == 0) {
        fprintf(out, "*%s", vn);
        return;
    }
    fprintf(out, op->text ? "%s->%s" : "%s", vn, op->text);
    if (op->index == IDX_CONST)
        fprintf(out, "[%lld]", op->ival);
    else if (op->index == IDX_VAR && op->index_var >= 0 &&
             (size_t)op->index_var < f->nvars)
        fprintf(out, "[%s]", f->vars[op->index_var].name);
    else
        fputs("[?]", out);
}

static void dump_operand(const ir_func *f, const ir_operand *op, FILE *out)
{
    const char *vn = op->var >= 0 && (size_t)op->var < f->nvars
                         ? f->vars[op->var].name : "?";
    switch (op->kind) {
    case OP_NONE: fputs("-", out); break;
    case OP_VAR: fputs(vn, out); break;
    case OP_NULL: fputs("NULL", out); break;
    case OP_INT: fprintf(out, "%lld", op->ival); break;
    case OP_STRING: fprintf(out, "\"%s\"", op->text); break;
    case OP_GLOBAL: fprintf(out, "@%s", op->text); break;
    case OP_ADDR: fprintf(out, "&%s", vn); break;
    case OP_ADDR_GLOBAL: fprintf(out, "&@%s", op->text); break;
    case OP_FIELD:
        fprintf(out, "%s%s%s", op->var >= 0 ? vn : "?",
                op->var >= 0 && f->vars[op->var].is_struct ? "." : "->", op->text);
        break;
    case OP_DEREF: dump_element(f, op, vn, out); break;
    case OP_UNKNOWN: fputs("?", out); break;
    }
}

static const char *var_name(const ir_func *f, int v)
{
    return v >= 0 && (size_t)v < f->nvars ? f->vars[v].name : "-";
}

static void dump_insn(const ir_func *f, const ir_insn *in, FILE *out)
{
    fprintf(out, "  %u:%u ", in->loc.line, in->loc.col);
    switch (in->kind) {
    case INSN_CALL:
        fputs("call ", out);
        if (in->dst >= 0)
            fprintf(out, "%s = ", var_name(f, in->dst));
        if (in->callee)
            fprintf(out, "%s(", in->callee);
        else
            fprintf(out, "<indirect%s%s>(", in->via ? " " : "", in->via ? in->via : "");
        for (size_t i = 0; i < in->nargs; i++) {
            if (i)
                fputs(", ", out);
            dump_operand(f, &in->args[i], out);
        }
        fputs(")", out);
        break;
    case INSN_ASSIGN:
        fprintf(out, "assign %s = ", var_name(f, in->dst));
        dump_operand(f, &in->src, out);
        if (in->minus_one)
            fputs(" - 1", out);
        break;
    case INSN_STORE:
        fputs("store ", out);
        dump_operand(f, &in->target, out);
        fputs(" = ", out);
        dump_operand(f, &in->src, out);
        break;
    case INSN_INCREF:
    case INSN_DECREF:
        fprintf(out, "%s%s%s%s ", in->kind == INSN_INCREF ? "incref" : "decref",
                in->nullable ? " nullable" : "", in->clears ? " clears" : "",
                in->to_member ? " to-member" : "");
        dump_operand(f, &in->src, out);
        break;
    case INSN_USE:
        fputs("use ", out);
        dump_operand(f, &in->src, out);
        break;
    }
    fputc('\n', out);
}

static void dump_cond(const ir_func *f, const ir_cond *c, FILE *out)
{
    dump_operand(f, &c->value, out);
    switch (c->kind) {
    case COND_NONZERO: fputs(" != 0", out); break;
    case COND_NEG: fputs(" < 0", out); break;
    case COND_POS: fputs(" > 0", out); break;
    case COND_EQ: fprintf(out, " == %lld", c->ival); break;
    case COND_CMP:
        fprintf(out, " %s ", (const char *[]){ "<", "<=", ">", ">=", "==", "!=" }[c->cmp]);
        dump_operand(f, &c->rhs, out);
        break;
    case COND_OPAQUE: fputs(" ?", out); break;
    }
}

static void dump_term(const ir_func *f, const cfg_block *b, FILE *out)
{
    fprintf(out, "  %u:%u ", b->term_loc.line, b->term_loc.col);
    switch (b->term) {
    case TERM_NONE: fputs("(unterminated)\n", out); return;
    case TERM_GOTO: fprintf(out, "goto bb%d\n", b->succ[0]); return;
    case TERM_BRANCH:
        fputs("branch ", out);
        dump_cond(f, &b->cond, out);
        fprintf(out, " ? bb%d : bb%d\n", b->succ[0], b->succ[1]);
        return;
    case TERM_SWITCH:
        fputs("switch ", out);
        dump_operand(f, &b->value, out);
        for (size_t i = 0; i < b->ncases; i++)
            fprintf(out, " %lld:bb%d", b->case_vals[i], b->succ[i]);
        fprintf(out, " default:bb%d\n", b->succ[b->nsucc - 1]);
        return;
    case TERM_RETURN:
        fputs("return ", out);
        dump_operand(f, &b->value, out);
        fputc('\n', out);
        return;
    case TERM_NORETURN: fputs("noreturn\n", out); return;
    }
}

void ir_dump(const ir_func *f, FILE *out)
{
    fprintf(out, "function %s%s\n", f->name,
            f->returns_object ? " -> object" : f->returns_int ? " -> int" : "");
    for (size_t i = 0; i < f->nvars; i++) {
        const ir_var *v = &f->vars[i];
        if (v->kind == VAR_TEMP)
            continue;
        fprintf(out, "  %s %s%s\n", v->kind == VAR_PARAM ? "param" : "local",
                v->name, v->is_object ? " object" : "");
    }
    if (f->incomplete)
        fprintf(out, "  incomplete: %s\n", f->incomplete_reason);
    if (f->table_slot)
        fprintf(out, "  %s table slot %s, index param %u, value param %u\n",
                f->table_value ? "sets" : "gets", f->table_slot,
                f->table_index, f->table_value);
    for (size_t i = 0; i < f->nblocks; i++) {
        const cfg_block *b = &f->blocks[i];
        fprintf(out, "bb%d:\n", b->id);
        for (size_t j = 0; j < b->ninsns; j++)
            dump_insn(f, &b->insns[j], out);
        dump_term(f, b, out);
    }
}

void def_tables_free(def_table_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        def_table *t = &l->items[i];
        for (size_t k = 0; k < t->n; k++) {
            free(t->entries[k].name);
            free(t->entries[k].func);
        }
        free(t->entries);
        free(t->var);
        free(t->file);
    }
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

void type_defs_free(type_def_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        type_def *t = &l->items[i];
        for (size_t k = 0; k < TSLOT_COUNT; k++)
            free(t->slot[k]);
        for (size_t k = 0; k < t->nfields; k++)
            free(t->fields[k].name);
        free(t->fields);
        free(t->var);
        free(t->file);
        free(t->record);
        free(t->record_name);
    }
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}
