/* Running the engine over a stream of inputs: one reader (the calling thread), N workers, one
 * writer that hands results to a sink in input order. Memory is bounded by a ring of slots,
 * whatever the number of letters. */
#ifndef IMRX_RUNNER_H
#define IMRX_RUNNER_H

#include <stdint.h>

#include "pipeline/engine.h"

typedef struct imrx_run_stats {
    uint64_t letters; /* records handed to the sink */
    uint64_t failed;  /* of which carry an error */
    uint64_t items;   /* disputed items in them */
    uint64_t bytes;   /* input bytes */
    uint64_t skipped; /* inputs skipped (already in the output, --resume) */
    double seconds;
} imrx_run_stats_t;

typedef struct imrx_run_sink {
    void *self;
    /* In a worker thread, right after the letter: serialise w->record into `out`. */
    void (*format)(void *self, imrx_worker_t *w, imrx_buf_t *out);
    /* In the writer thread, in input order (or completion order with `unordered`). */
    imrx_status_t (*consume)(void *self, const char *source, const imrx_letter_result_t *r,
                             const char *data, size_t len);
} imrx_run_sink_t;

typedef struct imrx_run_options {
    unsigned threads; /* 0: one per core */
    int unordered;    /* hand results over as they finish */
    /* Asked in the reader thread before an input is queued; nonzero skips it (resume). */
    int (*skip)(void *self, const char *source);
    void *skip_self;
    /* Called in the writer thread at most every `progress_interval` seconds, and at the end. */
    void (*progress)(void *self, const imrx_run_stats_t *s, int final);
    void *progress_self;
    double progress_interval;
    volatile int *stop; /* set it (from a signal handler) to stop after the letters in flight */
    /* How many failing letters to name on the engine's diagnostics sink (file and reason, as
     * their records say), and then how many more there were: a user sees at once that a path
     * was mistyped or an archive is damaged. 0: none (the records alone say it). */
    unsigned name_errors;
} imrx_run_options_t;

unsigned imrx_cpu_count(void);

/* Runs every input of `src` through the engine. IMRX_OK when every record reached the sink;
 * an error status when the sink failed (the run stops there). */
imrx_status_t imrx_run(const imrx_engine_t *e, imrx_sources_t *src, const imrx_run_options_t *opt,
                       const imrx_run_sink_t *sink, imrx_run_stats_t *stats);

#endif
