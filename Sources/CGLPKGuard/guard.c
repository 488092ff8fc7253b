/*
 * CGLPKGuard: the setjmp/longjmp guard around GLPK's fatal errors, and the output capture.
 * See include/cglpk_guard.h for the contract. This is the pattern of Rglpk and the Java bindings:
 * glp_error calls our hook, the hook frees the thread's environment and jumps back to the wrapper.
 */
#include "cglpk_guard.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Captured output beyond this many bytes is dropped (still kept off the terminal). */
enum { CAPTURE_LIMIT = 8 << 20 };

static _Thread_local jmp_buf *jump_target;        /* the innermost active guard, or NULL */
static _Thread_local unsigned long generation;    /* fatal errors caught on this thread */
static _Thread_local char *captured;              /* NUL-terminated when non-NULL */
static _Thread_local size_t captured_length;
static _Thread_local size_t captured_capacity;
static _Thread_local int blocks_at_last_end;

/* glp_term_hook: appends GLPK's text to the buffer; returning non-zero keeps it off stdout. */
static int on_terminal_output(void *info, const char *text) {
    (void)info;
    size_t length = strlen(text);
    size_t needed = captured_length + length + 1;
    if (needed > CAPTURE_LIMIT) return 1;
    if (needed > captured_capacity) {
        size_t capacity = captured_capacity > 0 ? captured_capacity : 4096;
        while (capacity < needed) capacity *= 2;
        char *grown = realloc(captured, capacity);
        if (grown == NULL) return 1;
        captured = grown;
        captured_capacity = capacity;
    }
    memcpy(captured + captured_length, text, length + 1);
    captured_length += length;
    return 1;
}

/* glp_error_hook: GLPK has printed its message (forcing output on) and will abort() if we return. */
static void on_fatal_error(void *info) {
    (void)info;
    jmp_buf *target = jump_target;
    if (target == NULL) {
        /* Not inside a guarded call: nothing can be saved, but say why the process dies. */
        fputs(cglpk_captured_text(), stderr);
        return;
    }
    jump_target = NULL;
    generation += 1;
    glp_free_env(); /* frees every GLPK object of this thread, including the hooks */
    longjmp(*target, 1);
}

void cglpk_begin(int capture_log) {
    captured_length = 0;
    if (captured != NULL) captured[0] = '\0';
    glp_term_hook(on_terminal_output, NULL);
    glp_error_hook(on_fatal_error, NULL);
    glp_term_out(capture_log ? GLP_ON : GLP_OFF);
}

void cglpk_end(void) {
    int count = 0, peak = 0;
    size_t total = 0, total_peak = 0;
    glp_mem_usage(&count, &peak, &total, &total_peak);
    blocks_at_last_end = count;
    generation += 1;
    glp_free_env();
    cglpk_release_captured_text();
}

int cglpk_blocks_at_last_end(void) { return blocks_at_last_end; }

const char *cglpk_captured_text(void) { return captured != NULL ? captured : ""; }

void cglpk_release_captured_text(void) {
    free(captured);
    captured = NULL;
    captured_length = 0;
    captured_capacity = 0;
}

unsigned long cglpk_environment_generation(void) { return generation; }

/*
 * Runs `expression` (an int) with a landing point for on_fatal_error, and returns its value, or
 * CGLPK_FATAL after a fatal error. `outer` is not modified between setjmp and longjmp, so it is
 * safe to read after the jump.
 */
#define GUARDED(expression)                     \
    do {                                        \
        jmp_buf landing;                        \
        jmp_buf *outer = jump_target;           \
        if (setjmp(landing) != 0) {             \
            jump_target = outer;                \
            return CGLPK_FATAL;                 \
        }                                       \
        jump_target = &landing;                 \
        int result = (expression);              \
        jump_target = outer;                    \
        return result;                          \
    } while (0)

int cglpk_simplex(glp_prob *P, const glp_smcp *parm) { GUARDED(glp_simplex(P, parm)); }

int cglpk_interior(glp_prob *P, const glp_iptcp *parm) { GUARDED(glp_interior(P, parm)); }

int cglpk_intopt(glp_prob *P, const glp_iocp *parm) { GUARDED(glp_intopt(P, parm)); }

int cglpk_add_rows(glp_prob *P, int count) { GUARDED(glp_add_rows(P, count)); }

int cglpk_add_cols(glp_prob *P, int count) { GUARDED(glp_add_cols(P, count)); }

int cglpk_load_matrix(glp_prob *P, int count, const int rows[], const int cols[], const double values[]) {
    GUARDED((glp_load_matrix(P, count, rows, cols, values), 0));
}

int cglpk_set_prob_name(glp_prob *P, const char *name) { GUARDED((glp_set_prob_name(P, name), 0)); }

int cglpk_set_obj_name(glp_prob *P, const char *name) { GUARDED((glp_set_obj_name(P, name), 0)); }

int cglpk_set_row_name(glp_prob *P, int i, const char *name) { GUARDED((glp_set_row_name(P, i, name), 0)); }

int cglpk_set_col_name(glp_prob *P, int j, const char *name) { GUARDED((glp_set_col_name(P, j, name), 0)); }

int cglpk_set_row_bnds(glp_prob *P, int i, int type, double lower, double upper) {
    GUARDED((glp_set_row_bnds(P, i, type, lower, upper), 0));
}

int cglpk_set_col_bnds(glp_prob *P, int j, int type, double lower, double upper) {
    GUARDED((glp_set_col_bnds(P, j, type, lower, upper), 0));
}

int cglpk_set_mat_col(glp_prob *P, int j, int len, const int ind[], const double val[]) {
    GUARDED((glp_set_mat_col(P, j, len, ind, val), 0));
}

int cglpk_set_mat_row(glp_prob *P, int i, int len, const int ind[], const double val[]) {
    GUARDED((glp_set_mat_row(P, i, len, ind, val), 0));
}

int cglpk_scale_prob(glp_prob *P, int flags) { GUARDED((glp_scale_prob(P, flags), 0)); }

int cglpk_eval_tab_col(glp_prob *P, int k, int ind[], double val[]) { GUARDED(glp_eval_tab_col(P, k, ind, val)); }

int cglpk_write_lp(glp_prob *P, const char *path) { GUARDED(glp_write_lp(P, NULL, path)); }

int cglpk_write_mps(glp_prob *P, const char *path) { GUARDED(glp_write_mps(P, GLP_MPS_FILE, NULL, path)); }
