/* Plugins in a separate process (--isolate): each worker thread drives one child process, an
 * `imrx __worker` that loads the plugins and turns letters into records. A plugin that crashes or
 * hangs costs one letter's record (with an error saying so), not the run: the child is killed and
 * started again. */
#ifndef IMRX_ISOLATE_H
#define IMRX_ISOLATE_H

#include <sys/types.h>

#include "input/source.h"
#include "pipeline/engine.h"
#include "util/buf.h"

typedef struct imrx_isolate_config {
    const char *const *child_args; /* plugin and size options for `imrx __worker`, NULL-ended */
    double timeout;                /* seconds one letter may take */
    int provenance;
} imrx_isolate_config_t;

typedef struct imrx_isolate {
    const imrx_isolate_config_t *cfg;
    pid_t pid;
    int to_child, from_child;
    unsigned long restarts;
} imrx_isolate_t;

/* Starts the child; IMRX_OK or why not (reported to diag). */
imrx_status_t imrx_isolate_start(imrx_isolate_t *iso, const imrx_isolate_config_t *cfg,
                                 imrx_diag_t *diag);
void imrx_isolate_stop(imrx_isolate_t *iso);

/* Has the child turn `in` into a record, as JSON in `json`. When the child crashes or takes longer
 * than the timeout, returns IMRX_ERR with the reason in `why` (and has restarted the child). */
imrx_status_t imrx_isolate_process(imrx_isolate_t *iso, const imrx_input_t *in, imrx_buf_t *json,
                                   imrx_letter_result_t *res, char *why, size_t why_len);

/* The child's side: serves requests on standard input until it closes. */
int imrx_isolate_serve(imrx_worker_t *w, int provenance);

#endif
