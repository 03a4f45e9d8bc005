/* One-line helpers for the test suites: run the engine on a text or a file and get the record
 * back as a JSON object; capture diagnostics; find the shared real letters. */
#ifndef IMRX_TEST_HELPERS_H
#define IMRX_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <jansson.h>

#include "pipeline/engine.h"

/* The engine with the project's plugins (all of them, or a comma list). */
imrx_engine_t *t_engine(const char *only);
void t_engine_free(imrx_engine_t *e);

/* Runs the default engine on a letter given as text (or bytes) and returns its record. */
json_t *t_run_text(const char *text);
json_t *t_run_bytes(const void *bytes, size_t n, const char *name);
json_t *t_run_file(const char *path);
/* The record of a letter of corpus/letters with passages replaced: pairs of (old, new) strings,
 * NULL-terminated; each old must occur. */
json_t *t_run_corpus_edited(const char *name, const char *const *pairs);
/* The record of `path` with a given engine. */
json_t *t_run_with(imrx_engine_t *e, const void *bytes, size_t n, const char *name);

/* Value at a dotted path ("dates.injury", "items.0.decision"); NULL if absent. */
json_t *t_get(json_t *record, const char *path);
/* String at a path, or NULL for absent/null. */
const char *t_str(json_t *record, const char *path);

/* Reads a whole file into memory (NUL-terminated); NULL if missing. */
char *t_slurp(const char *path, size_t *len);

/* The real development letters, when ../shared/real-letters/dev exists: NULL otherwise. */
const char *t_real_dir(void);
/* Skips the running test, saying why on standard error. (Criterion's cr_log_warn would make the
 * run's exit status 1 although every test passed.) */
#define T_SKIP(...)                                                                                \
    do {                                                                                           \
        fprintf(stderr, "[SKIP] " __VA_ARGS__);                                                    \
        fputc('\n', stderr);                                                                       \
        cr_skip_test(__VA_ARGS__);                                                                 \
    } while (0)

/* Diagnostics captured into a string, for checking loader messages. */
typedef struct t_diag {
    imrx_diag_t diag;
    char text[16384];
    size_t len;
} t_diag_t;
void t_diag_init(t_diag_t *d);

/* Runs a shell command, returns its exit status; its standard output in `out` (may be NULL). */
int t_sh(char **out, const char *fmt, ...) IMRX_PRINTF(2, 3);

#endif
