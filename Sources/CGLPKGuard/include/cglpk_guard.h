/*
 * CGLPKGuard: turns GLPK's fatal errors into return codes, and captures GLPK's terminal output.
 *
 * GLPK reports bad input through glp_error, which calls the installed error hook and then abort()s.
 * The only escape is to free the thread's GLPK environment and longjmp back to a setjmp taken
 * before the call. Swift frames must not be jumped over, so every risky call goes through one of
 * the small C wrappers below, which take the setjmp themselves.
 *
 * After a wrapper returns CGLPK_FATAL, glp_free_env() has run: every GLPK object of the calling
 * thread is gone and must not be touched or deleted. cglpk_environment_generation() changes at
 * that moment, so owners can tell a dead problem from a live one.
 *
 * All state here is thread-local, like GLPK's own environment.
 */
#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

#include <glpk.h>

/* Returned by a guarded wrapper when GLPK hit a fatal error (distinct from every GLPK code). */
static const int CGLPK_FATAL = -1;

/* Installs the hooks on this thread's environment, sets glp_term_out (on only when
 * capture_log != 0) and empties the captured text. Call before every batch of GLPK calls:
 * the hooks live in GLPK's environment, which a fatal error frees. */
void cglpk_begin(int capture_log);

/* Ends a batch of GLPK calls: frees the captured text and this thread's whole GLPK environment
 * (so nothing of GLPK stays allocated between batches), after recording how many memory blocks
 * GLPK still had allocated (cglpk_blocks_at_last_end). Counts as a new generation: a problem
 * object that somehow outlived the batch is dead and must not be deleted. */
void cglpk_end(void);

/* GLPK's count of allocated memory blocks (glp_mem_usage) just before the last cglpk_end on this
 * thread: 0 when every problem object of the batch was deleted. */
int cglpk_blocks_at_last_end(void);

/* The text GLPK printed on this thread since cglpk_begin; never NULL, NUL-terminated. */
const char *cglpk_captured_text(void);

/* Frees the captured text's buffer. */
void cglpk_release_captured_text(void);

/* Counts the fatal errors caught on this thread; a problem created under another value is dead. */
unsigned long cglpk_environment_generation(void);

/* Guarded calls: each returns what GLPK returns, or CGLPK_FATAL. */
int cglpk_simplex(glp_prob *P, const glp_smcp *parm);
int cglpk_interior(glp_prob *P, const glp_iptcp *parm);
int cglpk_intopt(glp_prob *P, const glp_iocp *parm);
int cglpk_add_rows(glp_prob *P, int count);
int cglpk_add_cols(glp_prob *P, int count);
int cglpk_load_matrix(glp_prob *P, int count, const int rows[], const int cols[], const double values[]);
int cglpk_set_prob_name(glp_prob *P, const char *name);   /* returns 0 or CGLPK_FATAL */
int cglpk_set_obj_name(glp_prob *P, const char *name);    /* returns 0 or CGLPK_FATAL */
int cglpk_set_row_name(glp_prob *P, int i, const char *name);
int cglpk_set_col_name(glp_prob *P, int j, const char *name);
int cglpk_set_row_bnds(glp_prob *P, int i, int type, double lower, double upper);
int cglpk_set_col_bnds(glp_prob *P, int j, int type, double lower, double upper);
int cglpk_set_mat_col(glp_prob *P, int j, int len, const int ind[], const double val[]); /* 0 or CGLPK_FATAL */
int cglpk_set_mat_row(glp_prob *P, int i, int len, const int ind[], const double val[]); /* 0 or CGLPK_FATAL */
int cglpk_scale_prob(glp_prob *P, int flags);             /* returns 0 or CGLPK_FATAL */
int cglpk_eval_tab_col(glp_prob *P, int k, int ind[], double val[]);
int cglpk_write_lp(glp_prob *P, const char *path);        /* CPLEX LP format */
int cglpk_write_mps(glp_prob *P, const char *path);       /* free MPS format */

#endif
